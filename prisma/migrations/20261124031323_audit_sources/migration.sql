-- CreateTable
CREATE TABLE "audit_sources" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "connection_enc" TEXT NOT NULL,
    "table_name" TEXT NOT NULL,
    "columns" JSONB NOT NULL,
    "cursor_column" TEXT NOT NULL,
    "cursor_value" TEXT,
    "last_pulled_at" TIMESTAMPTZ(3),
    "last_result" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_sources_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_sources_name_key" ON "audit_sources"("name");
