// The posture scan's checks: id, level and the SOC 2 criteria each bears on. The README's
// check table is this table (a unit test keeps them equal). Client-safe.
import type { FindingLevel } from "../scan-diff";

export interface CheckDefinition {
  level: FindingLevel;
  criteria: readonly string[];
  /** What a finding of this check means, in a few words (README and the scan page). */
  title: string;
}

export const POSTURE_CHECKS = {
  rls_disabled: {
    level: "error",
    criteria: ["CC6.1"],
    title: "Row-level security is off on a tenant-scoped table",
  },
  rls_not_forced: {
    level: "warn",
    criteria: ["CC6.1"],
    title: "RLS is on but not FORCEd: the table's owner bypasses it",
  },
  rls_no_policy: {
    level: "warn",
    criteria: ["CC6.1"],
    title: "RLS is on with no policy (everything denied except to bypassing roles)",
  },
  policy_always_true: {
    level: "error",
    criteria: ["CC6.1"],
    title: "A policy's USING or WITH CHECK is `true`",
  },
  policy_no_tenant_predicate: {
    level: "error",
    criteria: ["CC6.1"],
    title: "A policy does not reference the tenant column, directly or through a subquery",
  },
  write_not_isolated: {
    level: "error",
    criteria: ["CC6.1", "PI1.2"],
    title: "INSERT or UPDATE allowed without a tenant WITH CHECK",
  },
  tenant_column_nullable: {
    level: "warn",
    criteria: ["CC6.1", "PI1.2"],
    title: "The tenant column accepts NULL",
  },
  tenant_column_unindexed: {
    level: "warn",
    criteria: ["A1.1"],
    title: "No index leads with the tenant column",
  },
  fk_unindexed: {
    level: "info",
    criteria: ["A1.1"],
    title: "A foreign key has no index leading with its columns",
  },
  updated_at_missing: {
    level: "info",
    criteria: ["PI1.5"],
    title: "A tenant-scoped table has no `updated_at` column",
  },
  updated_at_no_trigger: {
    level: "warn",
    criteria: ["PI1.5"],
    title: "`updated_at` is not maintained by a BEFORE UPDATE trigger",
  },
  audit_table_mutable: {
    level: "error",
    criteria: ["CC7.2", "PI1.4"],
    title:
      "An audit/event table can be changed: no append-only trigger, UPDATE/DELETE/TRUNCATE allowed",
  },
  app_role_bypasses_rls: {
    level: "error",
    criteria: ["CC6.1", "CC6.3"],
    title:
      "The application's role is superuser, BYPASSRLS, or owns tenant tables that are not FORCEd",
  },
  security_definer_search_path: {
    level: "warn",
    criteria: ["CC6.1", "CC8.1"],
    title: "A SECURITY DEFINER function has no fixed search_path",
  },
  security_definer_view: {
    level: "warn",
    criteria: ["CC6.1"],
    title: "A view over tenant tables runs with its owner's rights (no security_invoker)",
  },
  public_schema_create: {
    level: "warn",
    criteria: ["CC6.1", "CC8.1"],
    title: "Every role (PUBLIC) may create objects in schema public",
  },
  ssl_off: {
    level: "error",
    criteria: ["CC6.7"],
    title: "The server does not offer TLS (ssl = off)",
  },
  password_encryption_md5: {
    level: "warn",
    criteria: ["CC6.1"],
    title: "Passwords are hashed with MD5 (password_encryption or stored role passwords)",
  },
  connection_logging_off: {
    level: "warn",
    criteria: ["CC7.2"],
    title: "log_connections or log_disconnections is off",
  },
  pgaudit_missing: {
    level: "info",
    criteria: ["CC7.2"],
    title: "pgaudit is not loaded (shared_preload_libraries)",
  },
} as const satisfies Record<string, CheckDefinition>;

export type PostureCheck = keyof typeof POSTURE_CHECKS;
export const POSTURE_CHECK_IDS = Object.keys(POSTURE_CHECKS) as PostureCheck[];

/** Every criterion the posture scan bears on: its evidence links the controls mapped to them. */
export const POSTURE_CRITERIA: string[] = [
  ...new Set(POSTURE_CHECK_IDS.flatMap((c) => POSTURE_CHECKS[c].criteria)),
].sort();

/** The README's check table. */
export function checkTableMarkdown(): string {
  const rows = POSTURE_CHECK_IDS.map((id) => {
    const c: CheckDefinition = POSTURE_CHECKS[id];
    return `| \`${id}\` | ${c.level} | ${c.criteria.join(", ")} | ${c.title} |`;
  });
  return [
    "| Check | Level | SOC 2 criteria | Finding |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
