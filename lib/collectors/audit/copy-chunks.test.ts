import { describe, expect, it } from "vitest";
import { copyChunks } from "./copy-chunks";

async function* from(pieces: string[]) {
  for (const p of pieces) yield p;
}

async function all(source: AsyncIterable<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of source) out.push(Buffer.from(c).toString("utf8"));
  return out;
}

describe("copyChunks", () => {
  it("gathers pieces into chunks of at least the size in bytes, keeping their order and every character", async () => {
    const pieces = ["ab", "cde", "f", "ghij", "k"];
    expect(await all(copyChunks(from(pieces), 4))).toEqual(["abcde", "fghij", "k"]);
    expect(await all(copyChunks(from(pieces), 100))).toEqual(["abcdefghijk"]);
    expect(await all(copyChunks(from(pieces), 1))).toEqual(pieces);
    // Sizes count UTF-8 bytes: "é" is two.
    expect(await all(copyChunks(from(["é", "é", "x"]), 4))).toEqual(["éé", "x"]);
  });

  it("starts with chunks of the first size and doubles it up to the size", async () => {
    const pieces = Array.from({ length: 20 }, () => "x");
    const sizes = (await all(copyChunks(from(pieces), 8, 2))).map((c) => c.length);
    expect(sizes).toEqual([2, 4, 8, 6]);
  });

  it("yields nothing for an empty source and passes the source's error on", async () => {
    expect(await all(copyChunks(from([]), 4))).toEqual([]);
    async function* failing() {
      yield "abcdef";
      throw new Error("Line 2: not valid JSON");
    }
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const c of copyChunks(failing(), 4)) seen.push(Buffer.from(c).toString());
      })(),
    ).rejects.toThrow(/^Line 2/);
    expect(seen).toEqual(["abcdef"]);
  });

  it("lets the event loop turn between pieces, even when every piece is ready at once", async () => {
    // A body already buffered yields piece after piece without waiting: the COPY being written
    // meanwhile (and the database's replies) must still be handled while the chunk fills.
    const order: string[] = [];
    async function* ready() {
      for (const p of ["a", "b", "c"]) {
        order.push(`piece ${p}`);
        yield p;
      }
    }
    setImmediate(() => order.push("event loop"));
    await all(copyChunks(ready(), 100));
    expect(order.slice(0, order.indexOf("piece c"))).toContain("event loop");
  });
});
