// Reads one parsed statement (libpg-query's JSON tree): its verb, the tables it reads and
// writes, and for each table whether the statement restricts it to one tenant. The tree is
// walked as plain JSON (see sql-tree.ts).
import {
  arr,
  bare,
  columnRefs,
  insertColumns,
  isObj,
  nestedSelects,
  node,
  relationOf,
  str,
  type Json,
  type Relation,
} from "./sql-tree";
import { tenantColumnTables } from "./tenant-columns";

export type Verb = "SELECT" | "INSERT" | "UPDATE" | "DELETE" | "MERGE" | "OTHER";

export interface TableUse {
  /** `schema.table` when the SQL names the schema, else `table`. */
  table: string;
  verb: Verb;
  /** Whether a tenant predicate (or a tenant column on INSERT) covers this use. */
  tenantFiltered: boolean;
}

export interface StatementFacts {
  verb: Verb;
  uses: TableUse[];
  /** Tables a statement shows to have a tenant column: `CREATE TABLE`, `ADD COLUMN`, `t.org_id`. */
  tenantColumnTables: string[];
}

export interface AnalyseContext {
  tenantColumns: ReadonlySet<string>;
  isTenantTable: (table: string) => boolean;
  cteNames: Set<string>;
}

interface Scope {
  relations: Relation[];
  predicates: unknown[];
  /** Relations reached through FROM subqueries, joins: collected with their own scopes. */
  nested: Json[];
}

/** FROM items: plain tables and joins (with their ON quals); subqueries are analysed apart. */
function fromItems(items: unknown[], scope: Scope) {
  for (const item of items) {
    const nd = node(item);
    if (!nd) continue;
    const [type, body] = nd;
    if (type === "RangeVar") scope.relations.push(relationOf(body));
    else if (type === "JoinExpr") {
      fromItems([body.larg, body.rarg], scope);
      if (body.quals) scope.predicates.push(body.quals);
    } else if (type === "RangeSubselect" && body.subquery) {
      const sub = node(body.subquery);
      if (sub && sub[0] === "SelectStmt") scope.nested.push(sub[1]);
    } else nestedSelects(body, scope.nested);
  }
}

/**
 * Which relations of a scope are restricted to one tenant: a predicate names the tenant column
 * on that table (or unqualified), or a predicate's subquery is itself tenant-filtered, or the
 * table is joined to a tenant-filtered table of the same scope.
 */
function filteredRelations(scope: Scope, ctx: AnalyseContext, uses: TableUse[]): Set<Relation> {
  const refs = columnRefs(scope.predicates);
  const tenantRefs = refs.filter(([, col]) => ctx.tenantColumns.has(col));
  const direct = new Set(
    scope.relations.filter((r) =>
      tenantRefs.some(([q]) => q === null || q === r.alias || q === bare(r.table)),
    ),
  );
  // A sub-link in the predicates (WHERE project_id IN (SELECT id FROM projects WHERE org_id = $1))
  // isolates through the subquery when that subquery is tenant-filtered.
  const subs = nestedSelects(scope.predicates);
  const subFiltered = subs.some((s) => {
    const before = uses.length;
    analyseSelect(s, ctx, uses);
    const own = uses.slice(before).filter((u) => ctx.isTenantTable(u.table));
    return own.length > 0 && own.every((u) => u.tenantFiltered);
  });
  const out = new Set(direct);
  for (const r of scope.relations) {
    if (out.has(r)) continue;
    if (subFiltered) out.add(r);
    else if (direct.size > 0 && refs.some(([q]) => q === r.alias || q === bare(r.table)))
      out.add(r);
  }
  return out;
}

function analyseSelect(sel: Json, ctx: AnalyseContext, uses: TableUse[]) {
  collectCtes(sel, ctx, uses);
  if (sel.larg || sel.rarg) {
    // UNION / INTERSECT / EXCEPT: each side on its own.
    for (const side of [sel.larg, sel.rarg]) if (isObj(side)) analyseSelect(side, ctx, uses);
    return;
  }
  const scope: Scope = { relations: [], predicates: [], nested: [] };
  fromItems(arr(sel.fromClause), scope);
  if (sel.whereClause) scope.predicates.push(sel.whereClause);
  const filtered = filteredRelations(scope, ctx, uses);
  for (const r of scope.relations) {
    if (ctx.cteNames.has(r.table)) continue;
    uses.push({ table: r.table, verb: "SELECT", tenantFiltered: filtered.has(r) });
  }
  for (const n of scope.nested) analyseSelect(n, ctx, uses);
  // Subqueries in the select list read tables too.
  for (const n of nestedSelects(sel.targetList)) analyseSelect(n, ctx, uses);
}

function collectCtes(stmt: Json, ctx: AnalyseContext, uses: TableUse[]) {
  const w = isObj(stmt.withClause) ? stmt.withClause : undefined;
  if (!w) return;
  for (const c of arr(w.ctes)) {
    const nd = node(c);
    if (!nd) continue;
    const name = str(nd[1].ctename);
    if (name) ctx.cteNames.add(name);
    const q = node(nd[1].ctequery);
    if (q) analyseTop(q, ctx, uses);
  }
}

/** Analyses a DML statement (or a CTE's body) into table uses. */
function analyseTop([type, body]: [string, Json], ctx: AnalyseContext, uses: TableUse[]): Verb {
  if (type === "SelectStmt") {
    analyseSelect(body, ctx, uses);
    return "SELECT";
  }
  if (type === "InsertStmt" && isObj(body.relation)) {
    collectCtes(body, ctx, uses);
    const target = relationOf(body.relation);
    const cols = insertColumns(body);
    // Without a column list every column, the tenant's too, is given positionally.
    const filtered =
      cols.length === 0 || cols.some((c) => c !== undefined && ctx.tenantColumns.has(c));
    uses.push({ table: target.table, verb: "INSERT", tenantFiltered: filtered });
    const src = node(body.selectStmt);
    if (src && src[0] === "SelectStmt" && !src[1].valuesLists) analyseSelect(src[1], ctx, uses);
    return "INSERT";
  }
  if ((type === "UpdateStmt" || type === "DeleteStmt") && isObj(body.relation)) {
    collectCtes(body, ctx, uses);
    const target = relationOf(body.relation);
    const scope: Scope = { relations: [target], predicates: [], nested: [] };
    fromItems(arr(type === "UpdateStmt" ? body.fromClause : body.usingClause), scope);
    if (body.whereClause) scope.predicates.push(body.whereClause);
    const filtered = filteredRelations(scope, ctx, uses);
    const verb: Verb = type === "UpdateStmt" ? "UPDATE" : "DELETE";
    for (const r of scope.relations)
      uses.push({
        table: r.table,
        verb: r === target ? verb : "SELECT",
        tenantFiltered: filtered.has(r),
      });
    for (const n of scope.nested) analyseSelect(n, ctx, uses);
    for (const n of nestedSelects([body.targetList, body.returningList]))
      analyseSelect(n, ctx, uses);
    return verb;
  }
  if (type === "MergeStmt" && isObj(body.relation)) {
    const target = relationOf(body.relation);
    uses.push({ table: target.table, verb: "MERGE", tenantFiltered: false });
    return "MERGE";
  }
  if (type === "ExplainStmt") {
    const inner = node(body.query);
    return inner ? analyseTop(inner, ctx, uses) : "OTHER";
  }
  return "OTHER";
}

/** Facts about one parsed top-level statement (`{ SelectStmt: … }` etc.). */
export function analyseStatement(
  stmt: unknown,
  ctx: Omit<AnalyseContext, "cteNames">,
): StatementFacts {
  const nd = node(stmt);
  const full: AnalyseContext = { ...ctx, cteNames: new Set() };
  if (!nd) return { verb: "OTHER", uses: [], tenantColumnTables: [] };
  const uses: TableUse[] = [];
  const verb = analyseTop(nd, full, uses);
  const fromDdl = tenantColumnTables(nd, full.tenantColumns);
  return { verb, uses, tenantColumnTables: fromDdl };
}
