import { describe, expect, it } from "vitest";
import { textChunks } from "./text-chunks";

async function* from(pieces: string[]) {
  for (const p of pieces) yield p;
}

async function all(source: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of source) out.push(c);
  return out;
}

describe("textChunks", () => {
  it("joins pieces into chunks of at least the size, keeping their order and every character", async () => {
    const pieces = ["ab", "cde", "f", "ghij", "k"];
    expect(await all(textChunks(from(pieces), 4))).toEqual(["abcde", "fghij", "k"]);
    expect(await all(textChunks(from(pieces), 100))).toEqual(["abcdefghijk"]);
    expect(await all(textChunks(from(pieces), 1))).toEqual(pieces);
  });

  it("yields nothing for an empty source and passes the source's error on", async () => {
    expect(await all(textChunks(from([]), 4))).toEqual([]);
    async function* failing() {
      yield "abcdef";
      throw new Error("Line 2: not valid JSON");
    }
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const c of textChunks(failing(), 4)) seen.push(c);
      })(),
    ).rejects.toThrow(/^Line 2/);
    expect(seen).toEqual(["abcdef"]);
  });
});
