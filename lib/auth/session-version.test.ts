import { describe, expect, it } from "vitest";
import { acceptRenewal, claimedVersion, renewalProof, sessionCurrent } from "./session-version";

describe("session versions", () => {
  it("a session is current only while its version equals the account's", () => {
    expect(sessionCurrent(0, 0)).toBe(true);
    expect(sessionCurrent(2, 2)).toBe(true);
    expect(sessionCurrent(1, 2)).toBe(false);
    expect(sessionCurrent(3, 2)).toBe(false);
  });

  it("a session without a version (issued before versions existed) counts as version 0", () => {
    expect(sessionCurrent(undefined, 0)).toBe(true);
    expect(sessionCurrent(undefined, 1)).toBe(false);
    for (const junk of ["1", -1, 1.5, null, {}, Number.NaN]) expect(claimedVersion(junk)).toBe(0);
  });
});

describe("session renewal proofs", () => {
  const uid = "7b0b2f1e-3c1a-4c1e-9f0a-1d2e3f4a5b6c";

  it("moves the session to the proved version for the same account only", () => {
    const now = Date.now();
    const proof = renewalProof(uid, 4, now);
    expect(acceptRenewal(uid, proof, now)).toBe(4);
    expect(acceptRenewal("another-account", proof, now)).toBeNull();
  });

  it("refuses a stale, tampered or malformed proof", () => {
    const now = Date.now();
    const proof = renewalProof(uid, 4, now);
    expect(acceptRenewal(uid, proof, now + 61_000)).toBeNull();
    const [, expires, sig] = proof.split(".");
    expect(acceptRenewal(uid, `5.${expires}.${sig}`, now)).toBeNull();
    expect(acceptRenewal(uid, `4.${Number(expires) + 1}.${sig}`, now)).toBeNull();
    for (const junk of [undefined, 4, "", "4", "4.1.x", { proof }])
      expect(acceptRenewal(uid, junk, now)).toBeNull();
  });
});
