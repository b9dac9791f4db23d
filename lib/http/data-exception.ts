// The last line behind the input checks: a value the database refused as data (SQLSTATE class
// 22 "data exception" — NUL characters, out-of-range numbers and dates, malformed values) is the
// client's bad input, not a server fault. The statement's transaction rolled back, so nothing was
// saved; the answer is a 400 instead of a 500. Input parsers should still refuse such values
// first, naming the field. A transaction PostgreSQL aborted because it met another (deadlock,
// serialization failure) is a 409 to retry, not a 500.
import { conflict, invalid, type AppError } from "@/lib/errors";

const PRISMA_VALUE_CODES = new Set(["P2000", "P2006", "P2007", "P2020", "P2023", "P2033"]);
const ADAPTER_VALUE_KINDS = new Set(["ValueOutOfRange", "InvalidInputValue", "LengthMismatch"]);

/** Whether the error, or one it wraps (Prisma, its driver adapter, node-postgres), matches. */
function hasCode(
  value: unknown,
  match: (code: string) => boolean,
  kinds: ReadonlySet<string>,
  depth = 0,
): boolean {
  if (depth > 5 || typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  for (const key of ["code", "originalCode"] as const) {
    const code = v[key];
    if (typeof code === "string" && match(code)) return true;
  }
  if (typeof v.kind === "string" && kinds.has(v.kind)) return true;
  return ["cause", "meta", "driverAdapterError"].some((k) =>
    hasCode(v[k], match, kinds, depth + 1),
  );
}

const isValueCode = (code: string) => PRISMA_VALUE_CODES.has(code) || /^22[0-9A-Z]{3}$/.test(code);
// 40001 serialization failure, 40P01 deadlock: two writers met (e.g. two pushes of overlapping
// audit events); PostgreSQL rolled this one back whole, and the same request again will do.
const isConcurrencyCode = (code: string) => code === "40001" || code === "40P01";
const NO_KINDS: ReadonlySet<string> = new Set();

export function databaseErrorForClient(err: unknown): AppError | null {
  if (hasCode(err, isValueCode, ADAPTER_VALUE_KINDS))
    return invalid(
      "A value is out of range or holds characters the database cannot store; nothing was saved.",
    );
  if (hasCode(err, isConcurrencyCode, NO_KINDS))
    return conflict(
      "Another change to the same data was being saved at the same moment; nothing of this one was saved. Try again.",
    );
  return null;
}
