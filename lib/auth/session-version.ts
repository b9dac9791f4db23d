// Revocable sessions. Every account has a session version; a session (the JWT) carries the
// version it was issued under and is honoured only while the two are equal. Raising the version
// ends every session at once: "sign out everywhere", a password change or reset, an admin's
// revocation. A password change keeps the session it was made from by renewing it through
// next-auth's update with a proof only this server process can make (see renewalProof).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** A session issued before versions existed carries none: it counts as version 0. */
export function claimedVersion(claim: unknown): number {
  return typeof claim === "number" && Number.isSafeInteger(claim) && claim >= 0 ? claim : 0;
}

export function sessionCurrent(claim: unknown, version: number): boolean {
  return claimedVersion(claim) === version;
}

// Made and checked in the same request (a server action calls next-auth's update in-process), so
// a per-process key suffices and nothing secret is configured for it. Kept on globalThis so the
// bundler's module copies share it.
const KEY_SLOT = Symbol.for("trustboard.sessionRenewalKey");
function renewalKey(): Buffer {
  const g = globalThis as unknown as Record<symbol, Buffer | undefined>;
  return (g[KEY_SLOT] ??= randomBytes(32));
}

const RENEWAL_MS = 60_000;

function mac(uid: string, version: number, expires: number): Buffer {
  return createHmac("sha256", renewalKey()).update(`${uid}:${version}:${expires}`).digest();
}

/** Proof that the server moved this account's current session to `version` (valid 60 s). */
export function renewalProof(uid: string, version: number, now = Date.now()): string {
  const expires = now + RENEWAL_MS;
  return `${version}.${expires}.${mac(uid, version, expires).toString("base64url")}`;
}

/** The version a session may move to, or null for anything but a fresh proof for this account. */
export function acceptRenewal(uid: string, proof: unknown, now = Date.now()): number | null {
  if (typeof proof !== "string") return null;
  const m = /^(\d{1,9})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(proof);
  if (!m) return null;
  const version = Number(m[1]);
  const expires = Number(m[2]);
  if (expires < now || expires > now + RENEWAL_MS) return null;
  const given = Buffer.from(m[3]!, "base64url");
  const want = mac(uid, version, expires);
  return given.length === want.length && timingSafeEqual(given, want) ? version : null;
}
