// The binary COPY reader against a real PostgreSQL (the PostgreSQL lane only: PGlite reads bytea
// as bytes and has no streamBytea).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { database } from "@/lib/db";
import { TEST_LANE } from "@/lib/testing/integration-setup";
import type { ByteaResult } from "./copy-bytea";

const valueOf = (hex: string) => `SELECT decode('${hex}', 'hex') AS "v"`;

/** A value made by the server (no multi-MB query text): `n` bytes counting 0..255 over and over. */
const counting = (n: number) => {
  const round = countingBytes(256).toString("hex");
  const tail = countingBytes(n % 256).toString("hex");
  return `SELECT decode(repeat('${round}', ${Math.floor(n / 256)}) || '${tail}', 'hex')`;
};
const countingBytes = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => i % 256));

async function read(query: string) {
  const { sql } = await database();
  const result: ByteaResult = { found: false };
  const chunks: Buffer[] = [];
  for await (const c of sql.streamBytea!(query, result)) chunks.push(Buffer.from(c));
  return { found: result.found, bytes: Buffer.concat(chunks) };
}

describe.skipIf(TEST_LANE !== "postgresql")("streamBytea (PostgreSQL)", () => {
  it("returns a value of several MB byte for byte, and tells no row and NULL apart", async () => {
    const n = 3 * 1024 * 1024 + 17;
    const { sql } = await database();
    const big = await read(counting(n));
    expect(big.found).toBe(true);
    expect(big.bytes.equals(countingBytes(n))).toBe(true);
    const random = randomBytes(1000);
    expect(await read(valueOf(random.toString("hex")))).toEqual({ found: true, bytes: random });
    expect(await read(valueOf(""))).toEqual({ found: true, bytes: Buffer.alloc(0) });
    expect(await read(`SELECT NULL::bytea WHERE false`)).toEqual({
      found: false,
      bytes: Buffer.alloc(0),
    });
    expect(await read(`SELECT NULL::bytea`)).toEqual({ found: false, bytes: Buffer.alloc(0) });
    // The pool's connections are still usable afterwards.
    expect(await sql.transaction((q) => q.query<{ n: number }>("SELECT 1 AS n"))).toEqual([
      { n: 1 },
    ]);
  });

  it("a reader that stops early or a failing query leaves the pool usable", async () => {
    const { sql } = await database();
    // More early stops than the pool has connections: each stopped one must be given back.
    for (let i = 0; i < 12; i++) {
      const result: ByteaResult = { found: false };
      for await (const chunk of sql.streamBytea!(counting(2 * 1024 * 1024), result)) {
        expect(chunk.length).toBeGreaterThan(0);
        break;
      }
    }
    await expect(read(`SELECT 1/0`)).rejects.toThrow(/division by zero/);
    await expect(read(`SELECT 'x'::text, 'y'::text`)).rejects.toThrow(/one column/);
    expect(await sql.transaction((q) => q.query<{ n: number }>("SELECT 2 AS n"))).toEqual([
      { n: 2 },
    ]);
  });
});
