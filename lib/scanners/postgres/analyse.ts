// From a catalog snapshot to the posture report: which tables are tenant-scoped, and every
// finding with its level, object, message, remediation and criteria. Pure.
import type { ScanFindingInput } from "../record-scan";
import type { Snapshot } from "./snapshot";
import { qi, qualified } from "./sql-names";
import { checkTable, finding, type TableReport, type TableRole } from "./table-checks";

export interface PostureOptions {
  tenantColumns: readonly string[];
  /** host:port (or "pglite"): server-wide findings (settings, roles) are named by it. */
  server: string;
}

export interface PostureReport {
  scanner: "trustboard-postgres-posture";
  version: 1;
  database: string;
  server: string;
  serverVersion: string;
  role: Snapshot["role"];
  tenantColumns: string[];
  notRepresentative: boolean;
  tables: TableReport[];
  findings: ScanFindingInput[];
  summary: PostureSummary;
}

export type PostureSummary = {
  tables: number;
  tenantTables: number;
  error: number;
  warn: number;
  info: number;
};

const on = (v: string | undefined) => v === "on" || v === "true" || v === "1";

export function analyse(s: Snapshot, opts: PostureOptions): PostureReport {
  const cols = opts.tenantColumns;
  const tenantColumnOf = (t: Snapshot["tables"][number]) =>
    cols.find((c) => t.columns.some((col) => col.name === c)) ?? null;
  // The tenant root (orgs, tenants…) is what tenant columns point at: it is not tenant-scoped.
  const roots = new Set<string>();
  for (const t of s.tables)
    for (const fk of t.foreignKeys)
      if (fk.columns.length === 1 && cols.includes(fk.columns[0]!)) roots.add(fk.refOid);
  const roleOf = (t: Snapshot["tables"][number]): TableRole =>
    roots.has(t.oid) ? "root" : tenantColumnOf(t) ? "tenant" : "none";

  const findings: ScanFindingInput[] = [];
  const tables: TableReport[] = s.tables.map((t) => {
    const role = roleOf(t);
    const tenantColumn = role === "tenant" ? tenantColumnOf(t) : null;
    findings.push(...checkTable(t, role, tenantColumn, cols, s.database));
    return {
      schema: t.schema,
      name: t.name,
      role,
      tenantColumn,
      rls: t.rls,
      forced: t.forced,
      policies: t.policies.length,
    };
  });
  const tenantTables = s.tables.filter((t) => roleOf(t) === "tenant");

  // The application's role: the one this scan connects as.
  const r = s.role;
  const ownsUnforced = tenantTables.filter((t) => t.ownedByApp && t.rls && !t.forced);
  const why = [
    r.superuser ? "is a superuser" : null,
    r.bypassRls ? "has BYPASSRLS" : null,
    ownsUnforced.length
      ? `owns ${ownsUnforced.length} tenant table(s) whose RLS is not FORCEd (${ownsUnforced
          .slice(0, 5)
          .map((t) => `${t.schema}.${t.name}`)
          .join(", ")}${ownsUnforced.length > 5 ? ", …" : ""})`
      : null,
  ].filter((x): x is string => x !== null);
  if (why.length)
    findings.push(
      finding(
        "app_role_bypasses_rls",
        `${opts.server}/role/${r.name}`,
        `The application's role ${r.name} ${why.join(" and ")}: row-level security does not apply to it.`,
        [
          r.superuser ? `ALTER ROLE ${qi(r.name)} NOSUPERUSER;` : null,
          r.bypassRls ? `ALTER ROLE ${qi(r.name)} NOBYPASSRLS;` : null,
          ...ownsUnforced.map(
            (t) => `ALTER TABLE ${qualified(t.schema, t.name)} FORCE ROW LEVEL SECURITY;`,
          ),
        ]
          .filter(Boolean)
          .join("\n"),
      ),
    );

  for (const f of s.functions) {
    const fixed = (f.config ?? []).some((c) => c.startsWith("search_path="));
    if (!fixed) {
      const sig = `${f.schema}.${f.name}(${f.args})`;
      findings.push(
        finding(
          "security_definer_search_path",
          `${s.database}.${sig}`,
          `SECURITY DEFINER function ${sig} has no fixed search_path: a caller can shadow the objects it uses.`,
          `ALTER FUNCTION ${qualified(f.schema, f.name)}(${f.args}) SET search_path = pg_catalog, ${qi(f.schema)};`,
        ),
      );
    }
  }
  const tenantOids = new Set(tenantTables.map((t) => t.oid));
  for (const v of s.views)
    if (!v.securityInvoker && v.reads.some((oid) => tenantOids.has(oid)))
      findings.push(
        finding(
          "security_definer_view",
          `${s.database}.${v.schema}.${v.name}`,
          `View ${v.schema}.${v.name} reads tenant-scoped tables with its owner's rights, so their RLS policies see the owner, not the caller.`,
          `ALTER VIEW ${qualified(v.schema, v.name)} SET (security_invoker = true);`,
        ),
      );
  if (s.publicSchemaCreate)
    findings.push(
      finding(
        "public_schema_create",
        `${s.database}.public`,
        `Every role may create objects in schema public of ${s.database}.`,
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC;",
      ),
    );

  const server = opts.server;
  if (s.settings.ssl !== undefined && !on(s.settings.ssl))
    findings.push(
      finding(
        "ssl_off",
        `${server}/ssl`,
        `The server ${server} has ssl = off: connections are not encrypted.`,
        "-- postgresql.conf: ssl = on, ssl_cert_file, ssl_key_file; pg_hba.conf: hostssl entries only\nALTER SYSTEM SET ssl = on; SELECT pg_reload_conf();",
      ),
    );
  const md5 = s.settings.password_encryption === "md5";
  if (md5 || (s.md5Roles?.length ?? 0) > 0)
    findings.push(
      finding(
        "password_encryption_md5",
        `${server}/password_encryption`,
        [
          md5 ? "password_encryption is md5." : null,
          s.md5Roles?.length ? `Roles with MD5 password hashes: ${s.md5Roles.join(", ")}.` : null,
        ]
          .filter(Boolean)
          .join(" "),
        "ALTER SYSTEM SET password_encryption = 'scram-sha-256'; SELECT pg_reload_conf();\n-- then set each listed role's password again (\\password role)",
      ),
    );
  const logOff = ["log_connections", "log_disconnections"].filter(
    (k) => s.settings[k] !== undefined && !on(s.settings[k]),
  );
  if (logOff.length)
    findings.push(
      finding(
        "connection_logging_off",
        `${server}/connection_logging`,
        `${logOff.join(" and ")} ${logOff.length > 1 ? "are" : "is"} off on ${server}.`,
        logOff.map((k) => `ALTER SYSTEM SET ${k} = on;`).join("\n") + "\nSELECT pg_reload_conf();",
      ),
    );
  if (!(s.settings.shared_preload_libraries ?? "").split(",").some((l) => l.trim() === "pgaudit"))
    findings.push(
      finding(
        "pgaudit_missing",
        `${server}/pgaudit`,
        `pgaudit is not in shared_preload_libraries on ${server}: statement-level audit logging is unavailable.`,
        "-- postgresql.conf: shared_preload_libraries = 'pgaudit' (restart), then:\nCREATE EXTENSION pgaudit;\nALTER SYSTEM SET pgaudit.log = 'ddl, role, write';",
      ),
    );

  const notRepresentative = /emscripten|wasm/i.test(s.serverVersion) || server === "pglite";
  const count = (level: string) => findings.filter((f) => f.level === level).length;
  return {
    scanner: "trustboard-postgres-posture",
    version: 1,
    database: s.database,
    server,
    serverVersion: s.serverVersion,
    role: s.role,
    tenantColumns: [...cols],
    notRepresentative,
    tables,
    findings,
    summary: {
      tables: tables.length,
      tenantTables: tenantTables.length,
      error: count("error"),
      warn: count("warn"),
      info: count("info"),
    },
  };
}
