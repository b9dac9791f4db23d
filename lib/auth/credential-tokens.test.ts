import { describe, expect, it } from "vitest";
import {
  credentialExpiry,
  credentialState,
  hashCredentialToken,
  isCredentialTokenShape,
  newCredentialToken,
} from "./credential-tokens";

describe("credential tokens", () => {
  it("are random, well-formed, and stored only as a hash", () => {
    const a = newCredentialToken();
    expect(isCredentialTokenShape(a)).toBe(true);
    expect(a).not.toBe(newCredentialToken());
    expect(hashCredentialToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCredentialToken(a)).not.toContain(a);
    expect(isCredentialTokenShape("../../etc/passwd")).toBe(false);
    expect(isCredentialTokenShape(`${a}x`)).toBe(false);
  });

  it("expire after the given hours: valid one millisecond before, expired at the instant", () => {
    const now = new Date();
    const expiresAt = credentialExpiry(now, 72);
    expect(expiresAt.getTime() - now.getTime()).toBe(72 * 3_600_000);
    const row = { expiresAt, usedAt: null, revokedAt: null };
    expect(credentialState(row, new Date(expiresAt.getTime() - 1))).toBe("valid");
    expect(credentialState(row, expiresAt)).toBe("expired");
  });

  it("are used once: a used or replaced link stays unusable even before its expiry", () => {
    const now = new Date();
    const expiresAt = credentialExpiry(now, 1);
    expect(credentialState({ expiresAt, usedAt: now, revokedAt: null }, now)).toBe("used");
    expect(credentialState({ expiresAt, usedAt: null, revokedAt: now }, now)).toBe("revoked");
  });
});
