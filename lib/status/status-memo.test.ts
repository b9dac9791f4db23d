import { describe, expect, it } from "vitest";
import type { WorkspaceStatus } from "./compute";
import { memoised, type StatusMemo } from "./status-memo";

const T = Date.UTC(2026, 5, 1, 12);
const result = (validUntil: number) => ({ validUntil: new Date(validUntil) }) as WorkspaceStatus;

describe("memoised", () => {
  it("keeps a result for its version and its time window only", async () => {
    const memo: StatusMemo = { entry: null };
    let computed = 0;
    const compute = async () => (computed++, result(T + 1000));
    const a = await memoised(memo, 1n, new Date(T), compute);
    expect(await memoised(memo, 1n, new Date(T + 999), compute)).toBe(a);
    expect(computed).toBe(1);
    // The window's end, a new version, a clock before the computation: computed again.
    expect(await memoised(memo, 1n, new Date(T + 1000), compute)).not.toBe(a);
    const b = await memoised(memo, 2n, new Date(T + 1000), compute);
    expect(computed).toBe(3);
    expect(await memoised(memo, 2n, new Date(T + 999), compute)).not.toBe(b);
    expect(computed).toBe(4);
  });

  it("shares a running computation and does not keep a failed one", async () => {
    const memo: StatusMemo = { entry: null };
    let computed = 0;
    let fail = true;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new Error("database gone");
      return result(T + 1000);
    };
    const both = [
      memoised(memo, 1n, new Date(T), compute),
      memoised(memo, 1n, new Date(T + 1), compute),
    ];
    // The second waits for the first and, as it failed, computes itself.
    await expect(both[0]).rejects.toThrow("database gone");
    await expect(both[1]).rejects.toThrow("database gone");
    expect(computed).toBe(2);
    fail = false;
    const [x, y] = await Promise.all([
      memoised(memo, 1n, new Date(T), compute),
      memoised(memo, 1n, new Date(T + 1), compute),
    ]);
    expect(x).toBe(y);
    expect(computed).toBe(3);
  });
});
