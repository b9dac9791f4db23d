import { describe, expect, it } from "vitest";
import {
  isoOfMs,
  addDays,
  daysBetween,
  endOfIsoDay,
  endOfUtcDay,
  isoClock,
  isoDay,
  parseIsoDay,
  sharedDates,
  startOfUtcDay,
} from "./dates";

describe("dates", () => {
  const at = new Date("2026-03-05T17:45:12.345Z");

  it("reads the UTC day of an instant", () => {
    expect(isoDay(at)).toBe("2026-03-05");
    expect(startOfUtcDay(at).toISOString()).toBe("2026-03-05T00:00:00.000Z");
    expect(endOfUtcDay(at).toISOString()).toBe("2026-03-06T00:00:00.000Z");
    expect(isoClock(at)).toBe("17:45");
  });

  it("adds and counts days across month and year ends", () => {
    expect(isoDay(addDays(new Date("2026-12-31T12:00:00Z"), 1))).toBe("2027-01-01");
    expect(daysBetween(new Date("2026-02-27T23:00:00Z"), new Date("2026-03-01T01:00:00Z"))).toBe(2);
    expect(daysBetween(new Date("2026-03-01T00:00:00Z"), new Date("2026-02-27T00:00:00Z"))).toBe(
      -2,
    );
  });

  it("parses only real calendar days", () => {
    expect(parseIsoDay("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(parseIsoDay("2027-02-29")).toBeNull();
    expect(parseIsoDay("2026-13-01")).toBeNull();
    expect(parseIsoDay("26-01-01")).toBeNull();
    expect(endOfIsoDay("2026-12-31")?.toISOString()).toBe("2027-01-01T00:00:00.000Z");
  });

  it("hands out one Date per instant from a maker, a new one from another maker", () => {
    const day = sharedDates();
    const a = day(at.getTime());
    expect(a.getTime()).toBe(at.getTime());
    expect(day(at.getTime())).toBe(a);
    expect(day(at.getTime() + 1)).not.toBe(a);
    expect(day(at.getTime() + 1).getTime()).toBe(at.getTime() + 1);
    expect(sharedDates()(at.getTime())).not.toBe(a);
  });
});

describe("isoOfMs", () => {
  it("formats as Date#toISOString from 1970 to 9999, leap days and day ends included", () => {
    const edges = [
      0,
      Date.UTC(2000, 1, 29, 23, 59, 59, 999),
      Date.UTC(2100, 2, 1),
      Date.UTC(2024, 11, 31, 23, 59, 59, 9),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    ];
    // A fixed sequence (a linear congruential generator), so a failure is reproducible.
    let seed = 20_261_201;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const random = Array.from({ length: 20_000 }, () =>
      Math.floor(next() * Date.UTC(9999, 11, 31, 23, 59, 59, 999)),
    );
    for (const ms of [...edges, ...random]) expect(isoOfMs(ms)).toBe(new Date(ms).toISOString());
    for (const bad of [-1, 0.5, Number.NaN, Date.UTC(10000, 0, 1)])
      expect(() => isoOfMs(bad)).toThrow(RangeError);
  });
});
