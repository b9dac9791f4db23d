import { describe, expect, it } from "vitest";
import { isTimeZone, parseTimestamp } from "./time-zone";

describe("JUnit timestamps", () => {
  it("reads a zone-less timestamp in UTC by default, whatever the server's zone", () => {
    expect(parseTimestamp("2020-10-27T21:39:41")?.toISOString()).toBe("2020-10-27T21:39:41.000Z");
    expect(parseTimestamp("2020-10-27 21:39:41.5")?.toISOString()).toBe("2020-10-27T21:39:41.500Z");
  });

  it("reads a zone-less timestamp in the source's zone, daylight saving included", () => {
    expect(parseTimestamp("2026-07-01T12:00:00", "Europe/Berlin")?.toISOString()).toBe(
      "2026-07-01T10:00:00.000Z",
    );
    expect(parseTimestamp("2026-01-15T12:00:00", "Europe/Berlin")?.toISOString()).toBe(
      "2026-01-15T11:00:00.000Z",
    );
    expect(parseTimestamp("2026-11-30T08:00:00", "America/New_York")?.toISOString()).toBe(
      "2026-11-30T13:00:00.000Z",
    );
  });

  it("keeps an explicit zone, ignoring the source's", () => {
    expect(parseTimestamp("2021-03-07T10:36:56 UTC", "Asia/Tokyo")?.toISOString()).toBe(
      "2021-03-07T10:36:56.000Z",
    );
    expect(parseTimestamp("2026-11-30T10:00:00+02:00", "UTC")?.toISOString()).toBe(
      "2026-11-30T08:00:00.000Z",
    );
    expect(parseTimestamp("2026-11-30T10:00:00-0530")?.toISOString()).toBe(
      "2026-11-30T15:30:00.000Z",
    );
    expect(parseTimestamp("2026-11-30T10:00:00Z", "Europe/Berlin")?.toISOString()).toBe(
      "2026-11-30T10:00:00.000Z",
    );
  });

  it("refuses what is not a timestamp", () => {
    for (const v of ["yesterday", "2026-02-31T00:00:00", "8.64e15", "", "275760-09-13T00:00:00"])
      expect(parseTimestamp(v)).toBeNull();
  });

  it("knows zone names", () => {
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});
