// TOTP (RFC 6238) as authenticator apps use it: SHA-1, six digits, 30-second steps. A code is
// accepted one step either side of now (clock drift), and never at or before the last step
// already accepted, so a code seen over someone's shoulder cannot be replayed.
import { generateSecret, generateURI, verify } from "otplib";

export const TOTP_PERIOD = 30;
/** Seconds either side of now: one step back and one ahead. */
const TOLERANCE = TOTP_PERIOD;
export const TOTP_ISSUER = "Trustboard";

export function newTotpSecret(): string {
  // 20 random bytes (160 bits), RFC 4226's recommended length, as Base32.
  return generateSecret({ length: 20 });
}

export function totpUri(email: string, secret: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: email, secret });
}

/** Six digits, spaces and dashes ignored (apps show "123 456"). */
export function normalizeTotpCode(code: string): string | null {
  const digits = code.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** The accepted time step, or null: wrong code, outside the window, or a replay. */
export async function verifyTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  const token = normalizeTotpCode(code);
  if (!token) return null;
  const result = await verify({
    secret,
    token,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  }).catch(() => null);
  return result?.valid && "timeStep" in result ? result.timeStep : null;
}
