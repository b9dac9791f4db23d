// Which tables a statement shows to carry a tenant column: DDL (`CREATE TABLE`, `ADD COLUMN`)
// and DML (INSERT column lists, qualified references such as `i.org_id`).
import {
  arr,
  bare,
  columnRefs,
  insertColumns,
  isObj,
  node,
  relationOf,
  str,
  type Json,
} from "./sql-tree";

/** Tables that a statement shows to carry a tenant column. */
export function tenantColumnTables(
  stmt: [string, Json],
  tenantColumns: ReadonlySet<string>,
): string[] {
  const [type, body] = stmt;
  const out: string[] = [];
  if (type === "CreateStmt" && isObj(body.relation)) {
    const cols = arr(body.tableElts)
      .map((e) => node(e))
      .filter((e) => e?.[0] === "ColumnDef")
      .map((e) => str(e![1].colname));
    if (cols.some((c) => c && tenantColumns.has(c))) out.push(relationOf(body.relation).table);
  }
  if (type === "AlterTableStmt" && isObj(body.relation)) {
    for (const cmd of arr(body.cmds)) {
      const c = node(cmd);
      const def = c && node(c[1].def);
      if (c && str(c[1].subtype) === "AT_AddColumn" && def?.[0] === "ColumnDef") {
        const col = str(def[1].colname);
        if (col && tenantColumns.has(col)) out.push(relationOf(body.relation).table);
      }
    }
  }
  return out;
}

/**
 * Tables a DML statement shows to have a tenant column: INSERT column lists naming it, and
 * references qualified by the table (`invoices.org_id`, `i.org_id` with `invoices i`).
 */
export function tenantColumnsSeen(stmt: unknown, tenantColumns: ReadonlySet<string>): string[] {
  const nd = node(stmt);
  if (!nd) return [];
  const out = new Set<string>();
  const [type, body] = nd;
  if (type === "InsertStmt" && isObj(body.relation)) {
    const cols = insertColumns(body);
    if (cols.some((c) => c && tenantColumns.has(c))) out.add(relationOf(body.relation).table);
  }
  // Aliases anywhere in the statement, then every qualified tenant column reference.
  const aliases = new Map<string, string>();
  const refs: [string | null, string][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    const n = node(v);
    if (!n) {
      if (isObj(v)) Object.values(v).forEach(walk);
      return;
    }
    if (n[0] === "RangeVar") {
      const r = relationOf(n[1]);
      aliases.set(r.alias, r.table);
      aliases.set(bare(r.table), r.table);
    }
    if (n[0] === "ColumnRef") columnRefs(v, refs);
    else Object.values(n[1]).forEach(walk);
  };
  walk(body);
  for (const [q, col] of refs) {
    const table = q ? aliases.get(q) : undefined;
    if (table && tenantColumns.has(col)) out.add(table);
  }
  return [...out];
}
