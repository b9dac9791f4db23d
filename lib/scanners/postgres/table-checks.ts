// The per-table checks: tenant scoping, RLS and its policies, tenant column, indexes,
// updated_at, audit tables. Pure: a snapshot in, findings out.
import type { ScanFindingInput } from "../record-scan";
import { POSTURE_CHECKS, type PostureCheck } from "./check-table";
import type { TableInfo } from "./snapshot";
import { qi, qualified } from "./sql-names";
import { isAlwaysTrue, referencesTenant } from "./tenant-predicate";
import { cutText } from "@/lib/validation/storable";

export type TableRole = "tenant" | "root" | "none";

export interface TableReport {
  schema: string;
  name: string;
  role: TableRole;
  tenantColumn: string | null;
  rls: boolean;
  forced: boolean;
  policies: number;
}

export function finding(
  check: PostureCheck,
  object: string,
  message: string,
  remediation: string | null = null,
): ScanFindingInput {
  const def = POSTURE_CHECKS[check];
  return {
    key: `pg:${check}:${object}`,
    check,
    level: def.level,
    object,
    message,
    remediation,
    criteria: [...def.criteria],
  };
}

// pg_trigger.tgtype bits
const ROW = 1,
  BEFORE = 2,
  DELETE = 8,
  UPDATE = 16;
const AUDIT_NAME =
  /(^|_)(audit|audits|activity|activities|events?|history|ledger)(_|$)|(^|_)logs?$/;

const CMD_NAME: Record<string, string> = {
  r: "SELECT",
  a: "INSERT",
  w: "UPDATE",
  d: "DELETE",
  "*": "ALL",
};

/** Is INSERT or UPDATE possible without the tenant column being checked? (permissive policies OR, restrictive AND) */
function looseWrites(t: TableInfo, cols: readonly string[]): string[] {
  const loose: string[] = [];
  for (const [cmd, name] of [
    ["a", "INSERT"],
    ["w", "UPDATE"],
  ] as const) {
    const applies = t.policies.filter((p) => p.cmd === cmd || p.cmd === "*");
    // For ALL and UPDATE policies without WITH CHECK, PostgreSQL checks new rows with USING.
    const check = (p: TableInfo["policies"][number]) =>
      p.withCheck ?? (p.cmd === "a" ? null : p.qual);
    const permissive = applies.filter((p) => p.permissive);
    if (permissive.length === 0) continue; // nothing allows the write
    if (applies.some((p) => !p.permissive && referencesTenant(check(p), cols))) continue;
    if (permissive.some((p) => !referencesTenant(check(p), cols))) loose.push(name);
  }
  return loose;
}

export function checkTable(
  t: TableInfo,
  role: TableRole,
  tenantColumn: string | null,
  cols: readonly string[],
  database: string,
): ScanFindingInput[] {
  const out: ScanFindingInput[] = [];
  const obj = `${database}.${t.schema}.${t.name}`;
  const sqlName = qualified(t.schema, t.name);
  const columnNames = new Set(t.columns.map((c) => c.name));
  const leads = (columns: string[]) => t.indexes.some((ix) => columns.every((c, i) => ix[i] === c));
  const appendOnly = t.triggers.some(
    (g) => g.enabled && g.type & ROW && g.type & BEFORE && g.type & (UPDATE | DELETE),
  );

  if (role === "tenant" && tenantColumn) {
    if (!t.rls)
      out.push(
        finding(
          "rls_disabled",
          obj,
          `Row-level security is off on tenant-scoped table ${obj}.`,
          [
            `ALTER TABLE ${sqlName} ENABLE ROW LEVEL SECURITY;`,
            `ALTER TABLE ${sqlName} FORCE ROW LEVEL SECURITY;`,
            `CREATE POLICY tenant_isolation ON ${sqlName} USING (${qi(tenantColumn)} = current_setting('app.tenant_id')::uuid) WITH CHECK (${qi(tenantColumn)} = current_setting('app.tenant_id')::uuid);`,
          ].join("\n"),
        ),
      );
    else {
      if (!t.forced)
        out.push(
          finding(
            "rls_not_forced",
            obj,
            `RLS on ${obj} is not FORCEd: its owner (${t.owner}) bypasses it.`,
            `ALTER TABLE ${sqlName} FORCE ROW LEVEL SECURITY;`,
          ),
        );
      if (t.policies.length === 0)
        out.push(
          finding(
            "rls_no_policy",
            obj,
            `RLS is on for ${obj} but it has no policy.`,
            `CREATE POLICY tenant_isolation ON ${sqlName} USING (${qi(tenantColumn)} = current_setting('app.tenant_id')::uuid);`,
          ),
        );
      for (const p of t.policies) {
        const pObj = `${obj}.${p.name}`;
        if (isAlwaysTrue(p.qual) || isAlwaysTrue(p.withCheck))
          out.push(
            finding(
              "policy_always_true",
              pObj,
              `Policy ${p.name} on ${obj} (${CMD_NAME[p.cmd] ?? p.cmd}) is always true.`,
              `DROP POLICY ${qi(p.name)} ON ${sqlName};`,
            ),
          );
        else if (p.permissive && !referencesTenant(p.qual ?? p.withCheck, cols))
          out.push(
            finding(
              "policy_no_tenant_predicate",
              pObj,
              `Policy ${p.name} on ${obj} (${CMD_NAME[p.cmd] ?? p.cmd}) does not reference ${tenantColumn}: ${cutText(p.qual ?? p.withCheck ?? "no expression", 300)}`,
              `ALTER POLICY ${qi(p.name)} ON ${sqlName} USING (${qi(tenantColumn)} = current_setting('app.tenant_id')::uuid);`,
            ),
          );
      }
      const loose = looseWrites(t, cols);
      if (loose.length)
        out.push(
          finding(
            "write_not_isolated",
            obj,
            `${loose.join(" and ")} on ${obj} allowed without a tenant WITH CHECK.`,
            `CREATE POLICY tenant_write ON ${sqlName} AS RESTRICTIVE FOR ALL USING (${qi(tenantColumn)} = current_setting('app.tenant_id')::uuid) WITH CHECK (${qi(tenantColumn)} = current_setting('app.tenant_id')::uuid);`,
          ),
        );
    }
    if (!t.columns.find((c) => c.name === tenantColumn)?.notNull)
      out.push(
        finding(
          "tenant_column_nullable",
          `${obj}.${tenantColumn}`,
          `${obj}.${tenantColumn} accepts NULL: a row may belong to no tenant.`,
          `ALTER TABLE ${sqlName} ALTER COLUMN ${qi(tenantColumn)} SET NOT NULL;`,
        ),
      );
    if (!leads([tenantColumn]))
      out.push(
        finding(
          "tenant_column_unindexed",
          `${obj}.${tenantColumn}`,
          `No index on ${obj} leads with ${tenantColumn}.`,
          `CREATE INDEX CONCURRENTLY ON ${sqlName} (${qi(tenantColumn)});`,
        ),
      );
    if (!columnNames.has("updated_at"))
      out.push(
        finding(
          "updated_at_missing",
          obj,
          `Tenant-scoped table ${obj} has no updated_at column.`,
          `ALTER TABLE ${sqlName} ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();`,
        ),
      );
  }
  if (columnNames.has("updated_at")) {
    const maintained = t.triggers.some(
      (g) => g.enabled && g.type & ROW && g.type & BEFORE && g.type & UPDATE,
    );
    if (!maintained)
      out.push(
        finding(
          "updated_at_no_trigger",
          obj,
          `${obj}.updated_at is not set by a BEFORE UPDATE trigger.`,
          `CREATE TRIGGER set_updated_at BEFORE UPDATE ON ${sqlName} FOR EACH ROW EXECUTE FUNCTION set_updated_at(); -- a function setting NEW.updated_at = now()`,
        ),
      );
  }
  for (const fk of t.foreignKeys)
    if (!leads(fk.columns))
      out.push(
        finding(
          "fk_unindexed",
          `${obj}.${fk.name}`,
          `Foreign key ${fk.name} on ${obj} (${fk.columns.join(", ")}) has no index leading with its columns.`,
          `CREATE INDEX CONCURRENTLY ON ${sqlName} (${fk.columns.map(qi).join(", ")});`,
        ),
      );
  if (AUDIT_NAME.test(t.name) && !appendOnly && t.appMayModify)
    out.push(
      finding(
        "audit_table_mutable",
        obj,
        `${obj} looks like an audit/event log but rows can be changed or removed: no append-only trigger, and UPDATE/DELETE/TRUNCATE is allowed to the scanning role.`,
        [
          `CREATE FUNCTION ${qi(t.schema)}.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;`,
          `CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON ${sqlName} FOR EACH ROW EXECUTE FUNCTION ${qi(t.schema)}.refuse_change();`,
          `CREATE TRIGGER no_truncate BEFORE TRUNCATE ON ${sqlName} FOR EACH STATEMENT EXECUTE FUNCTION ${qi(t.schema)}.refuse_change();`,
          `REVOKE UPDATE, DELETE, TRUNCATE ON ${sqlName} FROM PUBLIC;`,
        ].join("\n"),
      ),
    );
  return out;
}
