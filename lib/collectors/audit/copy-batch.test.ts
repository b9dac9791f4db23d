import { describe, expect, it } from "vitest";
import { copyField, copyText, dailyCounts } from "./copy-batch";
import type { ParsedEvent } from "./parse";

const ev = (at: string, action: string, actor: string | null = null): ParsedEvent => ({
  occurredAt: new Date(at),
  action,
  actor,
  organisation: null,
  ip: null,
  outcome: null,
  target: null,
  metadata: null,
  dedupeKey: null,
});

describe("COPY text for pulled events", () => {
  it("escapes what would break a row or a column and writes null as \\N", () => {
    expect(copyField(null)).toBe("\\N");
    expect(copyField("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyField("\\N")).toBe("\\\\N"); // the literal text, not a null
    expect(copyText([ev("2026-03-01T10:00:00Z", "login", "ada@example.com")])).toBe(
      "2026-03-01T10:00:00.000Z\tlogin\tada@example.com\t\\N\t\\N\t\\N\t\\N\n",
    );
  });

  it("counts events per UTC day and action, with each day's latest", () => {
    const d = dailyCounts([
      ev("2026-03-01T23:59:59Z", "login"),
      ev("2026-03-01T00:00:00Z", "login"),
      ev("2026-03-02T00:00:00Z", "login"),
      ev("2026-03-01T12:00:00Z", "logout"),
      ev("2026-03-01T12:00:01Z", "logout"),
    ]);
    const rows = d.days.map((day, i) => [day, d.actions[i], d.counts[i], d.lasts[i]]);
    expect(rows).toEqual([
      ["2026-03-01", "login", 2, "2026-03-01T23:59:59.000Z"],
      ["2026-03-02", "login", 1, "2026-03-02T00:00:00.000Z"],
      ["2026-03-01", "logout", 2, "2026-03-01T12:00:01.000Z"],
    ]);
  });
});
