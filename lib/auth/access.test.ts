import { describe, expect, it } from "vitest";
import { auditorAccessOpen, expiryFromDate, lastAccessDay } from "./access";

describe("auditor access window", () => {
  const expires = expiryFromDate("2026-12-31");

  it("runs through the end of the given day", () => {
    expect(expires.toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(lastAccessDay(expires)).toBe("2026-12-31");
    expect(
      auditorAccessOpen(
        { role: "auditor", accessExpiresAt: expires },
        new Date("2026-12-31T23:59:59Z"),
      ),
    ).toBe(true);
    expect(
      auditorAccessOpen(
        { role: "auditor", accessExpiresAt: expires },
        new Date("2027-01-01T00:00:00Z"),
      ),
    ).toBe(false);
  });

  it("refuses an auditor without an expiry and never expires other roles", () => {
    expect(auditorAccessOpen({ role: "auditor", accessExpiresAt: null })).toBe(false);
    expect(auditorAccessOpen({ role: "engineer", accessExpiresAt: new Date(0) })).toBe(true);
  });

  it("rejects malformed dates", () => {
    expect(() => expiryFromDate("31/12/2026")).toThrow(/YYYY-MM-DD/);
    expect(() => expiryFromDate("2026-13-01")).toThrow();
  });
});
