import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { dedupeKeyOf } from "./dedupe-key";
import { csvRows, parseAuditEvents } from "./parse";

describe("audit event files", () => {
  it("reads JSON Lines with common field names and keeps the rest as metadata", () => {
    const events = parseAuditEvents(
      [
        '{"timestamp":"2026-11-01T10:00:00Z","action":"LOGIN_FAILED","user_email":"a@x.io","ip_address":"10.0.0.1","org_id":"acme","reason":"bad password"}',
        "",
        '{"created_at":1761991200,"event_type":"permission_changed","actor":"admin@x.io","target":"user:42","outcome":"success"}',
      ].join("\n"),
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      action: "login_failed",
      actor: "a@x.io",
      ip: "10.0.0.1",
      organisation: "acme",
      metadataJson: '{"reason":"bad password"}',
    });
    expect(events[1]).toMatchObject({
      action: "permission_changed",
      target: "user:42",
      outcome: "success",
      metadataJson: null,
    });
    expect(new Date(events[1]!.occurredAtMs).toISOString()).toBe("2025-11-01T10:00:00.000Z");
  });

  it("reads CSV with quoted commas, quotes and newlines", () => {
    const csv =
      'time,action,actor,details\n2026-11-02T08:00:00Z,login,"Doe, Jane","said ""hi""\nand left"\n';
    const [e] = parseAuditEvents(csv);
    expect(e).toMatchObject({
      action: "login",
      actor: "Doe, Jane",
      metadataJson: JSON.stringify({ details: 'said "hi"\nand left' }),
    });
    expect(csvRows("a,b\r\n1,2\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("reads a time without a zone as UTC, whatever the server's zone", () => {
    const zone = process.env.TZ;
    // A zone far from UTC, with daylight saving: JavaScript alone would read these in it.
    process.env.TZ = "America/New_York";
    try {
      const events = parseAuditEvents(
        [
          '{"time":"2026-07-01T10:00:00","action":"login"}',
          '{"time":"2026-07-01 10:00:00.250","action":"login"}',
          '{"time":"2026-07-01T10:00","action":"login"}',
          '{"time":"2026-07-01T10:00:00+02:00","action":"login"}',
        ].join("\n"),
      );
      expect(events.map((e) => new Date(e.occurredAtMs).toISOString())).toEqual([
        "2026-07-01T10:00:00.000Z",
        "2026-07-01T10:00:00.250Z",
        "2026-07-01T10:00:00.000Z",
        "2026-07-01T08:00:00.000Z",
      ]);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it("gives the same record the same dedupe key, whatever its key order", () => {
    const [a] = parseAuditEvents('{"action":"login","time":"2026-11-01T00:00:00Z"}');
    const [b] = parseAuditEvents('{"time":"2026-11-01T00:00:00Z","action":"login"}');
    expect(a!.dedupeKey).toBe(b!.dedupeKey);
    // The time value as written, then the SHA-256 of the record's canonical JSON.
    expect(a!.dedupeKey).toBe(
      dedupeKeyOf('{"action":"login","time":"2026-11-01T00:00:00Z"}', "2026-11-01T00:00:00Z"),
    );
    const [c] = parseAuditEvents(
      '{"time":"2026-11-01T00:00:00Z","action":"login","n":{"b":1,"a":"é"}}',
    );
    expect(c!.dedupeKey).toBe(
      dedupeKeyOf(
        '{"action":"login","n":{"a":"é","b":1},"time":"2026-11-01T00:00:00Z"}',
        "2026-11-01T00:00:00Z",
      ),
    );
    // An epoch number is keyed by its digits as JSON writes them.
    const [d] = parseAuditEvents('{"action":"login","ts":1772359200}');
    expect(d!.dedupeKey).toBe(dedupeKeyOf('{"action":"login","ts":1772359200}', "1772359200"));
  });

  it.each([
    ['{"action":"login"}', /Line 1: no valid time/],
    ['{"time":"2026-11-01T00:00:00Z"}', /Line 1: no action/],
    ['{"time":"2026-11-01T00:00:00Z","action":"x"}\n{oops', /Line 2: not valid JSON/],
    ["[1,2]", /Record 1: expected a JSON object/],
    ["time,action\n", /No events found/],
    ["time,action\n2026-11-01T00:00:00Z", /Row 2: 1 fields, the header has 2/],
    ["time,action\nyesterday,login", /Row 2: no valid time/],
    ['time,action\n"2026-11-01,login', /ends inside a quoted field/],
    ["", /empty/],
  ])("refuses %j, naming the record", (content, message) => {
    let thrown: unknown = null;
    try {
      parseAuditEvents(content);
    } catch (err) {
      thrown = err;
    }
    // A user's mistake, not a bug: an AppError with code "invalid" (HTTP 400).
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      name: "AuditParseError",
      code: "invalid",
      message: expect.stringMatching(message),
    });
  });
});

describe("values PostgreSQL cannot store", () => {
  it("refuses a NUL character, naming the line and field", () => {
    const body = `{"timestamp":"2026-01-01T00:00:00Z","action":"login"}\n{"timestamp":"2026-01-01T00:00:00Z","action":"login","user":"a\\u0000b"}`;
    expect(() => parseAuditEvents(body)).toThrow(/Line 2, field "user": contains a NUL/);
    expect(() =>
      parseAuditEvents(`[{"timestamp":"2026-01-01","action":"x","meta":{"k":["\\u0000"]}}]`),
    ).toThrow(/Record 1, field "meta.k\[0\]"/);
  });

  it("refuses half a surrogate pair (jsonb does), naming the line and field; a whole pair is kept", () => {
    const body = `{"timestamp":"2026-01-01T00:00:00Z","action":"login","note":"\\ud83d\\ude00"}\n{"timestamp":"2026-01-01T00:00:00Z","action":"login","detail":{"note":"a\\ud800"}}`;
    expect(() => parseAuditEvents(body)).toThrow(
      /Line 2, field "detail.note": contains an unpaired surrogate/,
    );
    const [ok] = parseAuditEvents(body.split("\n")[0]!);
    expect(JSON.parse(ok!.metadataJson!)).toEqual({ note: "😀" });
    expect(() =>
      parseAuditEvents(`[{"timestamp":"2026-01-01","action":"x","meta":["\\udc00"]}]`),
    ).toThrow(/Record 1, field "meta\[0\]": contains an unpaired surrogate/);
  });

  it("cuts a field to 1,000 characters without keeping half of a surrogate pair", () => {
    const actor = `${"a".repeat(999)}😀 more`;
    const [event] = parseAuditEvents(
      JSON.stringify({ timestamp: "2026-01-01", action: "x", actor }),
    );
    expect(event!.actor).toBe("a".repeat(999));
  });

  it("refuses a time outside 1970–9999, naming the line and field", () => {
    expect(() => parseAuditEvents(`{"ts":8.64e15,"action":"login"}`)).toThrow(
      /Line 1, field "ts": the time is out of range/,
    );
    expect(() => parseAuditEvents("created_at,action\n+275760-09-13T00:00:00Z,login\n")).toThrow(
      /Row 2, field "created_at"/,
    );
  });
});
