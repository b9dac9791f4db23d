import { describe, expect, it } from "vitest";
import { jsonLinesCopyText, newTally } from "./jsonl-stream";

const enc = new TextEncoder();

/** The body cut into pieces of `size` bytes: lines and UTF-8 characters split across chunks. */
async function* pieces(text: string, size: number) {
  const bytes = enc.encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

async function collect(text: string, size: number, max = 1024 * 1024) {
  const tally = newTally();
  let out = "";
  for await (const chunk of jsonLinesCopyText(pieces(text, size), tally, max)) out += chunk;
  return { out, tally };
}

const line = (i: number, action = "login") =>
  JSON.stringify({
    timestamp: `2026-03-01T10:00:${String(i % 60).padStart(2, "0")}Z`,
    action,
    user: `é${i}@x.io`,
  });

describe("jsonLinesCopyText", () => {
  it("gives the same rows however the body is cut", async () => {
    const body = `\uFEFF${Array.from({ length: 50 }, (_, i) => line(i)).join("\r\n")}\r\n\r\n`;
    const whole = await collect(body, 1 << 20);
    expect(whole.tally.received).toBe(50);
    expect(whole.out.split("\n")).toHaveLength(51);
    expect(whole.out).toContain("\té7@x.io\t");
    // The key as uuid input: 32 hex digits.
    expect(whole.out.split("\n")[0]).toMatch(/\t[0-9a-f]{32}$/);
    for (const size of [1, 3, 17, 256]) expect((await collect(body, size)).out).toBe(whole.out);
  });

  it("names the bad line, counting blank lines, wherever the chunks end", async () => {
    const lines = Array.from({ length: 30 }, (_, i) => line(i));
    lines.splice(20, 0, "", '{"action":"login"}');
    for (const size of [5, 64, 4096])
      await expect(collect(lines.join("\n"), size)).rejects.toThrow(/^Line 22: no valid time/);
    await expect(collect(`${line(1)}\n{"timestamp": `, 7)).rejects.toThrow(
      /^Line 2: not valid JSON/,
    );
    await expect(collect(`${line(1)}\n[1]`, 7)).rejects.toThrow(/^Line 2: expected a JSON object/);
  });

  it("refuses a body over the limit and one without events", async () => {
    const body = Array.from({ length: 100 }, (_, i) => line(i)).join("\n");
    await expect(collect(body, 512, 2048)).rejects.toMatchObject({ code: "too_large" });
    await expect(collect("\n  \n", 2)).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("the de-duplication key", () => {
  it("ends with the SHA-256 of the record's canonical JSON, nested values included", async () => {
    const { createHash } = await import("node:crypto");
    const { dedupeKeyOf } = await import("./dedupe-key");
    const { canonicalJson } = await import("@/lib/activity/chain");
    const { parseJsonLine } = await import("./parse");
    const record = {
      z: 1,
      action: "Login",
      time: "2026-03-01T10:00:00Z",
      meta: { b: [1, { d: 2, c: null }], a: "x" },
      é: true,
    };
    const e = parseJsonLine(JSON.stringify(record), 1)!;
    expect(e.dedupeKey!.slice(12)).toBe(
      createHash("sha256").update(canonicalJson(record)).digest("hex").slice(0, 20),
    );
    expect(e.dedupeKey).toBe(dedupeKeyOf(canonicalJson(record), record.time));
    expect(JSON.parse(e.metadataJson!)).toEqual({ z: 1, meta: record.meta, é: true });
  });
});
