// Identifiers in remediation SQL: quoted only when PostgreSQL would need it.
export function qi(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

export const qualified = (schema: string, name: string) => `${qi(schema)}.${qi(name)}`;
