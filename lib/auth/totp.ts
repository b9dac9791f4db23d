// TOTP (RFC 6238) as authenticator apps use it: SHA-1, six digits, 30-second steps. A code is
// accepted one step either side of now (clock drift), and never at or before the last step
// already accepted, so a code seen over someone's shoulder cannot be replayed.
//
// Implemented here on node:crypto rather than through otplib's verify(): the algorithm is small
// and fully specified (RFC 4226 and 6238), it has no plugin resolved at run time inside the
// server bundle, and a stored secret that cannot be read throws instead of reading as a wrong
// code. The unit tests check it against codes otplib generates.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const TOTP_PERIOD = 30;
const DIGITS = 6;
/** Steps either side of now that are accepted: one back and one ahead. */
const WINDOW_STEPS = 1;
export const TOTP_ISSUER = "Trustboard";

const BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** RFC 4648 Base32, case-insensitive, padding and spaces ignored. Throws on other characters. */
export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, "").toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    // A stored secret we cannot read is a bug or corruption, not a wrong code: say so loudly.
    if (index < 0) throw new Error("TOTP secret is not valid Base32");
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function newTotpSecret(): string {
  // 20 random bytes (160 bits), RFC 4226's recommended length, as Base32 (32 characters).
  return base32Encode(randomBytes(20));
}

export function totpUri(email: string, secret: string): string {
  // The Key Uri Format authenticator apps read: otpauth://totp/Issuer:label?secret=…&issuer=…
  const label = `${encodeURIComponent(TOTP_ISSUER)}:${encodeURIComponent(email)}`;
  const params = new URLSearchParams({
    secret,
    issuer: TOTP_ISSUER,
    algorithm: "SHA1",
    digits: String(DIGITS),
    period: String(TOTP_PERIOD),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/** Six digits, spaces and dashes ignored (apps show "123 456"). */
export function normalizeTotpCode(code: string): string | null {
  const digits = code.replace(/[\s-]/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/** HOTP (RFC 4226): HMAC-SHA1 over the 8-byte big-endian counter, dynamic truncation. */
function hotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, "0");
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
  const key = base32Decode(secret);
  const current = Math.floor(now.getTime() / 1000 / TOTP_PERIOD);
  let accepted: number | null = null;
  // Every step in the window is compared (no early exit), in constant time per comparison.
  for (let step = current - WINDOW_STEPS; step <= current + WINDOW_STEPS; step++) {
    if (step < 0) continue;
    const matches = timingSafeEqual(Buffer.from(hotp(key, step)), Buffer.from(token));
    // A step at or before the last accepted one is a replay.
    const fresh = lastStep === null || step > lastStep;
    if (matches && fresh && accepted === null) accepted = step;
  }
  return accepted;
}
