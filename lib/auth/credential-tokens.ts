// One-time credential links (invitations and password resets): a random token handed out once,
// stored only as its SHA-256, valid until an expiry and for one use. Pure, so the rules are
// unit-tested without a database.
import { createHash, randomBytes } from "node:crypto";

export type CredentialPurpose = "invitation" | "reset";

/** 32 random bytes, URL-safe: what the link carries. */
export function newCredentialToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The well-formed shape, checked before any lookup so junk never reaches the database. */
export function isCredentialTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

export function hashCredentialToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function credentialExpiry(now: Date, hours: number): Date {
  return new Date(now.getTime() + hours * 3_600_000);
}

export type CredentialState = "valid" | "expired" | "used" | "revoked";

/** Why a stored link may or may not be used now. Used and revoked win over expired. */
export function credentialState(
  row: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null },
  now: Date,
): CredentialState {
  if (row.usedAt) return "used";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "valid";
}

/**
 * What an account without a password of its own stores as its hash: not an argon2 string, so no
 * password ever verifies against it (verifyPassword answers false for it).
 */
export const NO_PASSWORD_YET = "!invited";

/** The same for an account created at its first single sign-on: it signs in through the provider. */
export const NO_PASSWORD_SSO = "!sso";

/** Whether a stored hash is a password of the account's own (not one of the markers above). */
export function hasOwnPassword(passwordHash: string): boolean {
  return !passwordHash.startsWith("!");
}
