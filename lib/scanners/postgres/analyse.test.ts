import { describe, expect, it } from "vitest";
import { analyse } from "./analyse";
import { POSTURE_CHECK_IDS } from "./check-table";
import type { Snapshot } from "./snapshot";

const base: Snapshot = {
  database: "app",
  serverVersion: "PostgreSQL 15.18 on x86_64-pc-linux-gnu",
  role: { name: "app", superuser: false, bypassRls: false },
  settings: {
    ssl: "on",
    password_encryption: "scram-sha-256",
    log_connections: "on",
    log_disconnections: "on",
    shared_preload_libraries: "pg_stat_statements,pgaudit",
  },
  md5Roles: [],
  publicSchemaCreate: false,
  tables: [],
  functions: [],
  views: [],
};
const opts = { tenantColumns: ["tenant_id"], server: "db:5432" };
const checks = (s: Snapshot) => analyse(s, opts).findings.map((f) => f.check);

describe("server-wide posture checks", () => {
  it("finds nothing on a well-configured server", () => {
    expect(checks(base)).toEqual([]);
  });

  it("reports each setting that fails, named by the server", () => {
    const r = analyse(
      {
        ...base,
        role: { name: "app", superuser: false, bypassRls: true },
        settings: {
          ssl: "off",
          password_encryption: "md5",
          log_connections: "off",
          log_disconnections: "on",
          shared_preload_libraries: "",
        },
        md5Roles: ["legacy"],
        publicSchemaCreate: true,
      },
      opts,
    );
    expect(r.findings.map((f) => f.key).sort()).toEqual(
      [
        "pg:app_role_bypasses_rls:db:5432/role/app",
        "pg:connection_logging_off:db:5432/connection_logging",
        "pg:password_encryption_md5:db:5432/password_encryption",
        "pg:pgaudit_missing:db:5432/pgaudit",
        "pg:public_schema_create:app.public",
        "pg:ssl_off:db:5432/ssl",
      ].sort(),
    );
    expect(r.findings.find((f) => f.check === "password_encryption_md5")!.message).toContain(
      "legacy",
    );
    expect(r.findings.find((f) => f.check === "ssl_off")!.criteria).toEqual(["CC6.7"]);
  });

  it("flags an embedded PGlite database as not representative", () => {
    expect(analyse(base, { ...opts, server: "pglite" }).notRepresentative).toBe(true);
    expect(analyse(base, opts).notRepresentative).toBe(false);
  });

  it("names twenty checks", () => {
    expect(POSTURE_CHECK_IDS).toHaveLength(20);
  });
});
