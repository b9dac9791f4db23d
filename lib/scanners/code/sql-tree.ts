// Plain-JSON walking of libpg-query's parse tree: each node is `{ NodeType: { …fields } }`.
// Shared by the statement analysis and the tenant-column discovery.

export type Json = Record<string, unknown>;
export const isObj = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The single `{ Type: body }` of a node, or undefined. */
export function node(v: unknown): [string, Json] | undefined {
  if (!isObj(v)) return undefined;
  const [k] = Object.keys(v);
  if (k === undefined) return undefined;
  const body = v[k];
  return isObj(body) ? [k, body] : undefined;
}

export interface Relation {
  table: string;
  alias: string;
}

export function relationOf(rv: Json): Relation {
  const rel = str(rv.relname) ?? "?";
  const schema = str(rv.schemaname);
  const alias = isObj(rv.alias) ? str(rv.alias.aliasname) : undefined;
  return { table: schema ? `${schema}.${rel}` : rel, alias: alias ?? rel };
}

export const bare = (table: string) => table.slice(table.lastIndexOf(".") + 1);

/** Column references under `v` (not into nested SELECTs), as [qualifier | null, column]. */
export function columnRefs(
  v: unknown,
  out: [string | null, string][] = [],
): [string | null, string][] {
  if (Array.isArray(v)) {
    for (const x of v) columnRefs(x, out);
    return out;
  }
  const nd = node(v);
  if (!nd) {
    if (isObj(v)) for (const x of Object.values(v)) columnRefs(x, out);
    return out;
  }
  const [type, body] = nd;
  if (type === "SelectStmt") return out;
  if (type === "ColumnRef") {
    const names = arr(body.fields).map((f) =>
      isObj(f) && isObj(f.String) ? str(f.String.sval) : undefined,
    );
    const col = names.at(-1);
    if (col) out.push([names.length > 1 ? (names.at(-2) ?? null) : null, col]);
    return out;
  }
  for (const x of Object.values(body)) columnRefs(x, out);
  return out;
}

/** Nested SELECTs (sub-links, FROM subqueries, CTEs) under `v`. */
export function nestedSelects(v: unknown, out: Json[] = []): Json[] {
  if (Array.isArray(v)) {
    for (const x of v) nestedSelects(x, out);
    return out;
  }
  const nd = node(v);
  if (!nd) {
    if (isObj(v)) for (const x of Object.values(v)) nestedSelects(x, out);
    return out;
  }
  const [type, body] = nd;
  if (type === "SelectStmt") {
    out.push(body);
    return out;
  }
  for (const x of Object.values(body)) nestedSelects(x, out);
  return out;
}

/** The column names of an INSERT's column list (empty when it has none). */
export function insertColumns(insert: Json): (string | undefined)[] {
  return arr(insert.cols).map((c) =>
    isObj(c) && isObj(c.ResTarget) ? str(c.ResTarget.name) : undefined,
  );
}
