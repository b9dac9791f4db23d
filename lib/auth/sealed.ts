// Short-lived values kept in the browser between two steps of a sign-in (the account whose
// password was right, a WebAuthn challenge): sealed with the secret key (AES-GCM), so they can
// be neither read nor forged, and bound to their purpose and an expiry.
import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/collectors/audit/crypto";
import { secretKey } from "@/lib/collectors/audit/secret-key";

export type SealPurpose = "pending-sign-in" | "webauthn-register" | "webauthn-sign-in";

export function seal<T extends object>(purpose: SealPurpose, value: T, ttlMs: number): string {
  return encryptSecret(
    JSON.stringify({ p: purpose, exp: Date.now() + ttlMs, v: value }),
    secretKey(),
  );
}

export function unseal<T extends object>(
  purpose: SealPurpose,
  sealed: string | undefined,
): T | null {
  if (!sealed) return null;
  try {
    const data = JSON.parse(decryptSecret(sealed, secretKey())) as {
      p?: string;
      exp?: number;
      v?: T;
    };
    if (data.p !== purpose || typeof data.exp !== "number" || data.exp < Date.now()) return null;
    return data.v ?? null;
  } catch {
    return null;
  }
}

/** A cookie's value from a request's Cookie header (next-auth hands authorize a plain Request). */
export function cookieFrom(header: string | null | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}
