// Does a policy expression (pg_get_expr's deparsed text, as pg_policies shows it) reference
// a tenant column — directly, or inside a subquery or join such as
// `EXISTS (SELECT 1 FROM projects p WHERE p.id = tasks.project_id AND p.tenant_id = …)`?
// String literals are removed first so `current_setting('app.tenant_id')` alone does not count.

function stripLiterals(expr: string): string {
  return expr.replace(/'(?:[^']|'')*'/g, "''");
}

export function referencesTenant(expr: string | null, tenantColumns: readonly string[]): boolean {
  if (!expr) return false;
  const text = stripLiterals(expr);
  return tenantColumns.some((col) => {
    const escaped = col.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`(^|[^A-Za-z0-9_$])"?${escaped}"?(?![A-Za-z0-9_$])`).test(text);
  });
}

/** `USING (true)` / `WITH CHECK (true)`, however deparsed. */
export function isAlwaysTrue(expr: string | null): boolean {
  return !!expr && /^\(*\s*true\s*\)*$/i.test(expr.trim());
}
