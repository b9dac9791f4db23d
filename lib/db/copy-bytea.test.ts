import { describe, expect, it } from "vitest";
import { byteaFromBinaryCopy, type ByteaResult } from "./copy-bytea";

const header = Buffer.concat([Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)]);
const int16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const trailer = int16(-1);
const row = (value: Buffer | null) =>
  Buffer.concat([int16(1), int32(value ? value.length : -1), value ?? Buffer.alloc(0)]);

/** The stream cut into pieces of `size` bytes, as the socket may deliver it. */
async function* pieces(stream: Buffer, size: number) {
  for (let i = 0; i < stream.length; i += size) yield stream.subarray(i, i + size);
}

async function read(stream: Buffer, size: number) {
  const result: ByteaResult = { found: false };
  const out: Buffer[] = [];
  for await (const chunk of byteaFromBinaryCopy(pieces(stream, size), result)) out.push(chunk);
  return { found: result.found, bytes: Buffer.concat(out) };
}

describe("byteaFromBinaryCopy", () => {
  const value = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));

  it.each([1, 3, 7, 64, 5000])("returns the value's bytes in pieces of %i", async (size) => {
    const stream = Buffer.concat([header, row(value), trailer]);
    expect(await read(stream, size)).toEqual({ found: true, bytes: value });
  });

  it("tells an empty value from no row and from NULL", async () => {
    expect(await read(Buffer.concat([header, row(Buffer.alloc(0)), trailer]), 2)).toEqual({
      found: true,
      bytes: Buffer.alloc(0),
    });
    for (const stream of [
      Buffer.concat([header, trailer]),
      Buffer.concat([header, row(null), trailer]),
    ])
      expect(await read(stream, 1)).toEqual({ found: false, bytes: Buffer.alloc(0) });
  });

  it("refuses a truncated stream, a second row, two columns and a text stream", async () => {
    const whole = Buffer.concat([header, row(value), trailer]);
    await expect(read(whole.subarray(0, whole.length - 10), 64)).rejects.toThrow(/ended early/);
    await expect(
      read(Buffer.concat([header, row(value), row(value), trailer]), 64),
    ).rejects.toThrow(/single row/);
    await expect(read(Buffer.concat([header, int16(2), trailer]), 64)).rejects.toThrow(
      /one column/,
    );
    await expect(read(Buffer.from("\\x0102\n"), 64)).rejects.toThrow();
  });
});
