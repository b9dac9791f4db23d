import { describe, expect, it } from "vitest";
import { reuseRows, reuseUnchanged } from "./reuse-unchanged";

describe("reuseUnchanged", () => {
  it("keeps the previous value when its source text is the same, and builds otherwise", () => {
    let builds = 0;
    const build = (source: string) => () => {
      builds++;
      return { parsed: JSON.parse(source) as unknown };
    };
    const first = reuseUnchanged(undefined, "[1,2]", build("[1,2]"));
    expect(builds).toBe(1);
    expect(reuseUnchanged(first, "[1,2]", build("[1,2]"))).toBe(first);
    expect(builds).toBe(1);
    const changed = reuseUnchanged(first, "[1,3]", build("[1,3]"));
    expect(changed).not.toBe(first);
    expect(changed.parsed).toEqual([1, 3]);
    expect(builds).toBe(2);
    // The new value now stands for its own source, not the old one.
    expect(reuseUnchanged(changed, "[1,3]", build("[1,3]"))).toBe(changed);
    expect(reuseUnchanged(changed, "[1,2]", build("[1,2]"))).not.toBe(first);
    expect(builds).toBe(3);
  });

  it("never takes a value it did not build as built from a source", () => {
    const foreign = { parsed: [1, 2] };
    expect(reuseUnchanged(foreign, "[1,2]", () => ({ parsed: [1, 2] }))).not.toBe(foreign);
  });

  it("keeps, row by row, the values whose text is the same, and takes a failed load as none", async () => {
    const build = (source: string) => ({ parsed: JSON.parse(source) as unknown });
    const first = new Map(
      await reuseRows(
        Promise.resolve([
          { key: "a", source: "[1]" },
          { key: "b", source: "[2]" },
        ]),
        undefined,
        build,
      ),
    );
    const next = new Map(
      await reuseRows(
        Promise.resolve([
          { key: "a", source: "[1]" },
          { key: "b", source: "[3]" },
          { key: "c", source: "[1]" },
        ]),
        Promise.resolve(first),
        build,
      ),
    );
    expect(next.get("a")).toBe(first.get("a"));
    expect(next.get("b")).not.toBe(first.get("b"));
    expect(next.get("b")!.parsed).toEqual([3]);
    // Another key with the same text is not the other key's value.
    expect(next.get("c")).not.toBe(first.get("a"));
    const afterFailure = await reuseRows(
      Promise.resolve([{ key: "a", source: "[1]" }]),
      Promise.reject(new Error("lost")),
      build,
    );
    expect(afterFailure[0]![1]).not.toBe(first.get("a"));
    expect(afterFailure[0]![1].parsed).toEqual([1]);
  });
});
