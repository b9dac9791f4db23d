import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself; the URL is only needed for `migrate` commands
// against a real PostgreSQL. The embedded database is migrated by Trustboard itself.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/trustboard" },
});
