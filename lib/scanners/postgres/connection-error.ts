// A connection or catalog failure in words an operator can act on; never echoes the URL.
export function explainConnectionError(err: unknown): string {
  const e = err as { code?: string; message?: string };
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
    case "42501":
      return `The role lacks a permission the scan needs: ${e.message ?? ""}`.trim();
  }
  if (/timeout/i.test(e.message ?? "")) return "The database server is unreachable (timed out).";
  return `The scan failed: ${(e.message ?? String(err)).replace(/postgres(ql)?:\/\/\S+/g, "<connection string>")}`;
}
