// Ten single-use recovery codes, shown once when the first factor is enrolled. Only their
// SHA-256 is stored: the codes are 50 random bits each, so a slow hash buys nothing a lockout
// does not already give.
import { createHash, randomBytes } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
// Crockford-like Base32 without easily confused letters (no i, l, o, u).
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function randomGroup(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % 32];
  return out;
}

/** "xxxxx-xxxxx": 10 characters of 5 bits each. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => `${randomGroup(5)}-${randomGroup(5)}`);
}

/** What a user typed, as stored: lower case, without spaces or dashes; null if not a code. */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, "").toLowerCase();
  return /^[0-9a-z]{10}$/.test(code) ? code : null;
}

export function hashRecoveryCode(input: string): string | null {
  const code = normalizeRecoveryCode(input);
  return code === null ? null : createHash("sha256").update(code).digest("hex");
}

export interface StoredRecoveryCode {
  id: string;
  codeHash: string;
  usedAt: Date | null;
}

/** The unused stored code matching the input; a used one never matches again. */
export function matchRecoveryCode<T extends StoredRecoveryCode>(
  stored: readonly T[],
  input: string,
): T | null {
  const hash = hashRecoveryCode(input);
  if (hash === null) return null;
  return stored.find((c) => c.usedAt === null && c.codeHash === hash) ?? null;
}
