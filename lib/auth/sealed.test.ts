import { afterEach, describe, expect, it, vi } from "vitest";

// A fixed key, so nothing is generated into a data directory.
process.env.TRUSTBOARD_SECRET_KEY = "unit-test-secret-key-of-at-least-32-chars";
const { cookieFrom, seal, unseal } = await import("./sealed");

afterEach(() => vi.useRealTimers());

describe("sealed values", () => {
  it("open only for their own purpose, and hide what they carry", () => {
    const sealed = seal("pending-sign-in", { userId: "u-1" }, 60_000);
    expect(sealed).not.toContain("u-1");
    expect(unseal("pending-sign-in", sealed)).toEqual({ userId: "u-1" });
    expect(unseal("webauthn-sign-in", sealed)).toBeNull();
  });

  it("expire, and refuse anything altered or missing", () => {
    vi.useFakeTimers({ now: Date.now() });
    const sealed = seal("webauthn-sign-in", { challenge: "c" }, 1_000);
    vi.advanceTimersByTime(1_001);
    expect(unseal("webauthn-sign-in", sealed)).toBeNull();
    const fresh = seal("webauthn-sign-in", { challenge: "c" }, 60_000);
    const altered = fresh.slice(0, -4) + (fresh.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(unseal("webauthn-sign-in", altered)).toBeNull();
    expect(unseal("webauthn-sign-in", undefined)).toBeNull();
    expect(unseal("webauthn-sign-in", "garbage")).toBeNull();
  });

  it("read a cookie from a Cookie header", () => {
    expect(cookieFrom("a=1; tb-second-factor=v1.x%3D; b=2", "tb-second-factor")).toBe("v1.x=");
    expect(cookieFrom(null, "tb-second-factor")).toBeUndefined();
  });
});
