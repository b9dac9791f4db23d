import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "@/lib/activity/chain";
import { dedupeKeyOf, legacyKeyOf } from "./dedupe-key";
import { parseAuditEvents, TIME_FIELDS } from "./parse";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("dedupeKeyOf", () => {
  it("is the time's first 14 digits as 6 bytes, then the SHA-256's first 10 bytes", () => {
    const record = '{"action":"login","time":"2026-03-01T10:00:00Z"}';
    const key = dedupeKeyOf(record, "2026-03-01T10:00:00Z");
    expect(key).toBe((20260301100000).toString(16).padStart(12, "0") + sha(record).slice(0, 20));
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    // Fewer digits are padded: epoch seconds and a time without digits still give a key.
    expect(dedupeKeyOf(record, "1772359200").slice(0, 12)).toBe(
      (17723592000000).toString(16).padStart(12, "0"),
    );
    expect(dedupeKeyOf(record, "").slice(0, 12)).toBe("000000000000");
  });

  it("orders a log's keys by time, so a push writes neighbouring index entries", () => {
    const times = Array.from({ length: 50 }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 * 7.3).toISOString(),
    );
    const keys = times.map((t, i) => dedupeKeyOf(`{"i":${i}}`, t));
    expect([...keys].sort()).toEqual(keys);
  });

  it("depends on the record's text only, not on how a server reads its time", () => {
    // A time without a zone in a format read in the server's own zone: another instant on
    // another server, the same key.
    const line = '{"action":"login","time":"Mar 1 2026 10:00"}';
    const zone = process.env.TZ;
    try {
      process.env.TZ = "America/New_York";
      const [ny] = parseAuditEvents(line);
      process.env.TZ = "Asia/Tokyo";
      const [tokyo] = parseAuditEvents(line);
      expect(ny!.occurredAtMs).not.toBe(tokyo!.occurredAtMs);
      expect(ny!.dedupeKey).toBe(tokyo!.dedupeKey);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("is the same for the same record whatever its keys' order, even with two cased time keys", () => {
    const [a] = parseAuditEvents(
      '{"time":"2026-03-01T10:00:00Z","TIME":"2026-04-01T10:00:00Z","action":"x"}',
    );
    const [b] = parseAuditEvents(
      '{"action":"x","TIME":"2026-04-01T10:00:00Z","time":"2026-03-01T10:00:00Z"}',
    );
    expect(a!.dedupeKey).toBe(b!.dedupeKey);
  });

  it("keys and writes metadata right whatever the previous line's key order was", () => {
    // Lines alternate between two key orders and a third key set: each line's key is its own
    // canonical JSON's, and its metadata its own other fields.
    const lines = [
      { time: "2026-03-01T10:00:00Z", action: "x", z: 1, b: "2" },
      { b: "2", z: 1, action: "x", time: "2026-03-01T10:00:00Z" },
      { time: "2026-03-01T10:00:00Z", action: "x", z: 1, b: "3" },
      { time: "2026-03-01T10:00:00Z", action: "x", b: "2" },
      { time: "2026-03-01T10:00:00Z", action: "x", z: 1, b: "2", extra: null },
    ];
    const events = parseAuditEvents(lines.map((l) => JSON.stringify(l)).join("\n"));
    events.forEach((e, i) => {
      expect(e.dedupeKey).toBe(dedupeKeyOf(canonicalJson(lines[i]), "2026-03-01T10:00:00Z"));
      const { time: _t, action: _a, ...rest } = lines[i]!;
      expect(JSON.parse(e.metadataJson!)).toEqual(rest);
    });
    expect(events[0]!.dedupeKey).toBe(events[1]!.dedupeKey);
    expect(events[0]!.metadataJson).toBe(events[1]!.metadataJson);
    expect(new Set(events.map((e) => e.dedupeKey)).size).toBe(4);
  });

  it("keeps a second alias of a field, and a key named __proto__, as metadata", () => {
    const [e] = parseAuditEvents(
      '{"time":"2026-03-01T10:00:00Z","timestamp":"x","action":"a","event":"b","__proto__":{"p":1}}',
    );
    expect(JSON.parse(e!.metadataJson!)).toEqual(
      JSON.parse('{"timestamp":"x","event":"b","__proto__":{"p":1}}'),
    );
  });

  it("ends with the first 10 bytes of the old form, by which a push finds a key stored before", () => {
    const record = '{"action":"login"}';
    expect(legacyKeyOf(record)).toBe(sha(record).slice(0, 32));
    expect(legacyKeyOf(record).slice(0, 20)).toBe(dedupeKeyOf(record, "2026").slice(12));
  });

  it("reads the time from a fixed list of fields: another list would re-key stored records", () => {
    expect(TIME_FIELDS).toEqual([
      "time",
      "timestamp",
      "occurred_at",
      "occurredat",
      "created_at",
      "createdat",
      "ts",
      "@timestamp",
    ]);
    expect(Object.isFrozen(TIME_FIELDS)).toBe(true);
  });
});
