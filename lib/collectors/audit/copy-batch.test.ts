import { describe, expect, it } from "vitest";
import { copyField, dailyColumns } from "./copy-batch";

describe("COPY text for audit events", () => {
  it("escapes what would break a row or a column and writes null as \\N", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyField("\\N")).toBe("\\\\N"); // the literal text, not a null
    expect(copyField("nul\0here")).toBe("nul\uFFFDhere");
    // Nothing to escape: the value itself.
    expect(copyField("ada@example.com")).toBe("ada@example.com");
  });

  it("gives the daily counts' upsert each day's latest event as ISO text", () => {
    const d = dailyColumns([
      { day: "2026-03-01", action: "login", n: 2, lastOfDay: 86_399_500 },
      { day: "2026-03-02", action: "login", n: 1, lastOfDay: 0 },
    ]);
    expect(d).toEqual({
      days: ["2026-03-01", "2026-03-02"],
      actions: ["login", "login"],
      counts: [2, 1],
      lasts: ["2026-03-01T23:59:59.500Z", "2026-03-02T00:00:00.000Z"],
    });
  });
});
