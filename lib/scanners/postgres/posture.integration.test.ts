// The posture scan against a real PostgreSQL server (the CI lane's): a database and an
// application role of its own, built from fixtures/posture-schema.sql, scanned as that role.
// Needs a real server: skipped on the PGlite lane.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runSql, scratchPostgres } from "@/lib/testing/scratch-postgres";
import type { PostureReport } from "./analyse";
import { recordPostureReport, scanUrl } from "./run-posture-scan";

const lane = process.env.TEST_LANE ?? "pglite";
const adminUrl = process.env.TEST_DATABASE_URL ?? "";
const scratch = scratchPostgres(adminUrl, {
  database: "tb_pgscan_fx",
  role: "tb_pgscan_app",
  password: "app-secret",
});
const { dbName } = scratch;

const keysOf = (r: PostureReport, prefix = "") =>
  r.findings
    .map((f) => f.key)
    .filter((k) => k.startsWith(prefix))
    .sort();
const tableKeys = (r: PostureReport) => keysOf(r).filter((k) => k.includes(`:${dbName}.`));

describe.skipIf(lane !== "postgresql")("PostgreSQL posture scan on a real server", () => {
  const appUrl = scratch.appUrl;

  beforeAll(async () => {
    const sql = readFileSync(path.join(import.meta.dirname, "fixtures/posture-schema.sql"), "utf8");
    await scratch.create(sql.replaceAll(":app", scratch.appRole));
  });

  afterAll(async () => {
    await scratch.drop();
  });

  it("finds every table-level check's failing case and nothing on the passing ones", async () => {
    const r = await scanUrl(CLI_ACTOR, appUrl());
    const t = (name: string) => `${dbName}.${name}`;
    expect(tableKeys(r)).toEqual(
      [
        `pg:rls_disabled:${t("public.invoices")}`,
        `pg:rls_disabled:${t("billing.subscriptions")}`,
        `pg:rls_not_forced:${t("public.payments")}`,
        `pg:rls_no_policy:${t("public.notes")}`,
        `pg:policy_always_true:${t("public.files.open_read")}`,
        `pg:policy_no_tenant_predicate:${t("public.comments.by_author")}`,
        `pg:write_not_isolated:${t("public.comments")}`,
        `pg:write_not_isolated:${t("public.uploads")}`,
        `pg:tenant_column_nullable:${t("public.members.tenant_id")}`,
        `pg:tenant_column_unindexed:${t("public.tags.tenant_id")}`,
        `pg:fk_unindexed:${t("public.line_items.line_items_project_id_fkey")}`,
        `pg:updated_at_missing:${t("public.prefs")}`,
        `pg:updated_at_no_trigger:${t("public.labels")}`,
        `pg:audit_table_mutable:${t("public.audit_log")}`,
        `pg:security_definer_search_path:${t("public.sd_loose()")}`,
        `pg:security_definer_view:${t("public.project_names")}`,
      ].sort(),
    );
    // Roles of tables: the root, tables without a tenant column, tenant tables in both schemas.
    const role = (schema: string, name: string) =>
      r.tables.find((x) => x.schema === schema && x.name === name)?.role;
    expect(role("public", "orgs")).toBe("root");
    expect(role("public", "countries")).toBe("none");
    expect(role("public", "audit_log")).toBe("none");
    expect(role("public", "tasks")).toBe("tenant");
    expect(role("billing", "plans")).toBe("tenant");
    expect(r.summary.tenantTables).toBe(15);
    // The app role is no superuser, but owns payments whose RLS is not forced.
    const bypass = r.findings.filter((f) => f.check === "app_role_bypasses_rls");
    expect(bypass).toHaveLength(1);
    expect(bypass[0]!.message).toContain("owns 1 tenant table");
    expect(bypass[0]!.remediation).toContain("FORCE ROW LEVEL SECURITY");
    expect(r.findings.some((f) => f.check === "public_schema_create")).toBe(false);
    expect(r.notRepresentative).toBe(false);
    // Each finding carries its level, criteria and (where one exists) remediation SQL.
    const invoices = r.findings.find((f) => f.key === `pg:rls_disabled:${t("public.invoices")}`)!;
    expect(invoices).toMatchObject({ level: "error", criteria: ["CC6.1"] });
    expect(invoices.remediation).toContain(
      "ALTER TABLE public.invoices ENABLE ROW LEVEL SECURITY;",
    );

    // Server settings: reported exactly when the server's own settings say so.
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    const setting = async (n: string) => (await c.query(`SHOW ${n}`)).rows[0][n] as string;
    const ssl = await setting("ssl");
    const enc = await setting("password_encryption");
    const logs = [await setting("log_connections"), await setting("log_disconnections")];
    const preload = await setting("shared_preload_libraries");
    await c.end();
    const has = (check: string) => r.findings.some((f) => f.check === check);
    expect(has("ssl_off")).toBe(ssl === "off");
    expect(has("password_encryption_md5")).toBe(enc === "md5");
    expect(has("connection_logging_off")).toBe(logs.includes("off"));
    expect(has("pgaudit_missing")).toBe(!preload.includes("pgaudit"));
  });

  it(
    "sees fixes and new failures on the next scan, and the backlog follows",
    { timeout: 240_000 },
    async () => {
      const first = await recordPostureReport(CLI_ACTOR, await scanUrl(CLI_ACTOR, appUrl()));
      const invoicesKey = `pg:rls_disabled:${dbName}.public.invoices`;
      expect(first.diff.new).toContain(invoicesKey);

      await runSql(
        scratch.adminUrl(),
        `ALTER TABLE invoices ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
       CREATE POLICY tenant ON invoices USING (tenant_id = current_setting('app.tenant_id', true)::uuid);
       ALTER TABLE payments FORCE ROW LEVEL SECURITY;
       GRANT CREATE ON SCHEMA public TO PUBLIC;`,
      );
      const report = await scanUrl(CLI_ACTOR, appUrl());
      const second = await recordPostureReport(CLI_ACTOR, report);
      expect(second.diff.fixed).toEqual(
        [
          invoicesKey,
          `pg:rls_not_forced:${dbName}.public.payments`,
          expect.stringMatching(/^pg:app_role_bypasses_rls:.*\/role\//),
        ].sort(),
      );
      expect(second.diff.new).toEqual([`pg:public_schema_create:${dbName}.public`]);
      expect(second.backlog.resolved).toHaveLength(3);
      const link = await (
        await db()
      ).scanFindingItem.findUniqueOrThrow({
        where: { key: invoicesKey },
        select: { item: { select: { status: true, verifiedAt: true } } },
      });
      expect(link.item).toEqual({ status: "resolved", verifiedAt: null });

      // As a superuser (here: the test server's own user) RLS never applies.
      const asSuper = await scanUrl(CLI_ACTOR, scratch.adminUrl());
      const bypass = asSuper.findings.find((f) => f.check === "app_role_bypasses_rls");
      expect(bypass?.message).toContain("is a superuser");
    },
  );
});
