// The last line behind the input checks: a value the database refused as data (SQLSTATE class
// 22 "data exception" — NUL characters, out-of-range numbers and dates, malformed values) is the
// client's bad input, not a server fault. The statement's transaction rolled back, so nothing was
// saved; the answer is a 400 instead of a 500. Input parsers should still refuse such values
// first, naming the field.
import { invalid, type AppError } from "@/lib/errors";

const PRISMA_VALUE_CODES = new Set(["P2000", "P2006", "P2007", "P2020", "P2023", "P2033"]);
const ADAPTER_VALUE_KINDS = new Set(["ValueOutOfRange", "InvalidInputValue", "LengthMismatch"]);

function isDataException(value: unknown, depth: number): boolean {
  if (depth > 5 || typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  for (const key of ["code", "originalCode"] as const) {
    const code = v[key];
    if (typeof code === "string" && (PRISMA_VALUE_CODES.has(code) || /^22[0-9A-Z]{3}$/.test(code)))
      return true;
  }
  if (typeof v.kind === "string" && ADAPTER_VALUE_KINDS.has(v.kind)) return true;
  return ["cause", "meta", "driverAdapterError"].some((k) => isDataException(v[k], depth + 1));
}

export function dataExceptionAsInvalid(err: unknown): AppError | null {
  return isDataException(err, 0)
    ? invalid(
        "A value is out of range or holds characters the database cannot store; nothing was saved.",
      )
    : null;
}
