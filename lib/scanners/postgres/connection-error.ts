import { explainPgError } from "@/lib/db/explain-pg-error";

// A connection or catalog failure of a posture scan, in words an operator can act on.
export function explainConnectionError(err: unknown): string {
  return explainPgError(err, "The scan", {
    "42501": (message) => `The role lacks a permission the scan needs: ${message}`.trim(),
  });
}
