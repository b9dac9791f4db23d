// A PostgreSQL connection or query failure in words an operator can act on; never echoes the
// connection string. `own` gives a caller's wording for codes that mean something in its work
// (a missing mapped column for an audit source, a missing privilege for a scan).
export function explainPgError(
  err: unknown,
  what: string,
  own: Record<string, (message: string) => string> = {},
): string {
  const e = err as { code?: string; message?: string };
  const message = e.message ?? "";
  const specific = e.code ? own[e.code] : undefined;
  if (specific) return specific(message);
  switch (e.code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return "The database server is unreachable (check host, port and firewall).";
    case "28P01":
    case "28000":
      return "Authentication failed (check the user name and password).";
    case "3D000":
      return "The database named in the connection string does not exist.";
  }
  if (/timeout/i.test(message)) return "The database server is unreachable (timed out).";
  return `${what} failed: ${(e.message ?? String(err)).replace(/postgres(ql)?:\/\/\S+/g, "<connection string>")}`;
}
