// The shapes of the code query audit's report and its checks.
import type { Verb } from "./analyse-statement";

export const CODE_CHECKS = {
  missing_tenant_predicate:
    "A SELECT, UPDATE or DELETE on a tenant-scoped table without a tenant predicate",
  insert_without_tenant:
    "An INSERT into a tenant-scoped table whose column list omits the tenant column",
} as const;
export type CodeCheck = keyof typeof CODE_CHECKS;

export interface SourceFile {
  /** Relative to the repository root, with forward slashes. */
  path: string;
  content: string;
}

export interface CodeAuditOptions {
  tenantColumns?: string[];
  /** Tenant-scoped tables known from a PostgreSQL posture scan (`table` or `schema.table`). */
  tenantTables?: string[];
}

export interface CodeFinding {
  check: CodeCheck;
  table: string;
  verb: Verb;
  file: string;
  line: number;
  sql: string;
  /** Stable across line moves: the statement's parse-tree fingerprint with the table and check. */
  hash: string;
}

export interface NotAnalysed {
  file: string;
  line: number;
  via: string;
  reason: string;
  sql: string | null;
}

export interface TableReport {
  table: string;
  tenantScoped: boolean;
  /** Where the audit learned the table is tenant-scoped. */
  tenantSource: "posture scan" | "schema" | "code" | null;
  select: number;
  insert: number;
  update: number;
  delete: number;
  merge: number;
  withoutTenantPredicate: number;
  files: string[];
}

export interface CodeAuditReport {
  tenantColumns: string[];
  totals: {
    files: number;
    filesWithSql: number;
    statements: number;
    select: number;
    insert: number;
    update: number;
    delete: number;
    merge: number;
    other: number;
    notAnalysed: number;
    findings: number;
    /** Statements that touch at least one tenant-scoped table, by verb (the seed's "370"). */
    tenant: { statements: number; select: number; insert: number; update: number; delete: number };
  };
  tables: TableReport[];
  findings: CodeFinding[];
  notAnalysed: NotAnalysed[];
  /** Files skipped before reading (too large, too many, unreadable), with the reason. */
  skipped: { file: string; reason: string }[];
}
