import { describe, expect, it } from "vitest";
import {
  RECOVERY_CODE_COUNT,
  hashRecoveryCode,
  matchRecoveryCode,
  newRecoveryCodes,
  normalizeRecoveryCode,
  type StoredRecoveryCode,
} from "./recovery-codes";

describe("recovery codes", () => {
  it("are ten distinct codes of the form xxxxx-xxxxx", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const c of codes) expect(c).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}$/);
  });

  it("are stored as a hash, never as typed", () => {
    const [code] = newRecoveryCodes(1);
    const hash = hashRecoveryCode(code!);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code!.replace("-", ""));
    // Typed in upper case or without the dash, it is the same code.
    expect(hashRecoveryCode(code!.toUpperCase().replace("-", " "))).toBe(hash);
    expect(normalizeRecoveryCode("not a code")).toBe(null);
  });

  it("match once: a used code never matches again", () => {
    const codes = newRecoveryCodes(3);
    const stored: StoredRecoveryCode[] = codes.map((c, i) => ({
      id: String(i),
      codeHash: hashRecoveryCode(c)!,
      usedAt: null,
    }));
    const first = matchRecoveryCode(stored, codes[1]!);
    expect(first?.id).toBe("1");
    first!.usedAt = new Date();
    expect(matchRecoveryCode(stored, codes[1]!)).toBe(null);
    expect(matchRecoveryCode(stored, codes[0]!)?.id).toBe("0");
    expect(matchRecoveryCode(stored, "aaaaa-aaaaa")).toBe(null);
  });
});
