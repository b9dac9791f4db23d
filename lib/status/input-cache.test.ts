import { describe, expect, it } from "vitest";
import { cachedPiece, type InputCache } from "./input-cache";

describe("cachedPiece", () => {
  it("loads once per key and again when the key moves", async () => {
    const cache: InputCache = new Map();
    let loads = 0;
    const load = async () => ++loads;
    expect(await cachedPiece(cache, "controls", "1", load)).toBe(1);
    expect(await cachedPiece(cache, "controls", "1", load)).toBe(1);
    expect(await cachedPiece(cache, "controls", "2", load)).toBe(2);
    expect(await cachedPiece(cache, "controls", "2", load)).toBe(2);
    // An older key is not kept beside the newer one: going back loads again.
    expect(await cachedPiece(cache, "controls", "1", load)).toBe(3);
  });

  it("keeps each name apart", async () => {
    const cache: InputCache = new Map();
    expect(await cachedPiece(cache, "a", "1", async () => "a")).toBe("a");
    expect(await cachedPiece(cache, "b", "1", async () => "b")).toBe("b");
    expect(await cachedPiece(cache, "a", "1", async () => "other")).toBe("a");
  });

  it("shares a load still under way", async () => {
    const cache: InputCache = new Map();
    let loads = 0;
    const load = () => new Promise<number>((r) => setTimeout(() => r(++loads), 5));
    const [x, y] = await Promise.all([
      cachedPiece(cache, "a", "1", load),
      cachedPiece(cache, "a", "1", load),
    ]);
    expect([x, y, loads]).toEqual([1, 1, 1]);
  });

  it("does not keep a failed load", async () => {
    const cache: InputCache = new Map();
    await expect(
      cachedPiece(cache, "a", "1", () => Promise.reject(new Error("connection lost"))),
    ).rejects.toThrow("connection lost");
    expect(await cachedPiece(cache, "a", "1", async () => "loaded")).toBe("loaded");
  });

  it("keeps a newer load when an older one fails after it", async () => {
    const cache: InputCache = new Map();
    let fail!: (e: Error) => void;
    const older = cachedPiece(cache, "a", "1", () => new Promise<string>((_, r) => (fail = r)));
    expect(await cachedPiece(cache, "a", "2", async () => "newer")).toBe("newer");
    fail(new Error("late failure"));
    await expect(older).rejects.toThrow("late failure");
    let loads = 0;
    expect(await cachedPiece(cache, "a", "2", async () => `again ${++loads}`)).toBe("newer");
  });

  it("hands the loader the piece it replaces, and nothing when there is none", async () => {
    const cache: InputCache = new Map();
    const seen: (string | undefined)[] = [];
    const load = (value: string) => async (previous: Promise<string> | undefined) => {
      seen.push(await previous);
      return value;
    };
    await cachedPiece(cache, "a", "1", load("one"));
    await cachedPiece(cache, "a", "1", load("unused"));
    await cachedPiece(cache, "a", "2", load("two"));
    await cachedPiece(cache, "b", "1", load("other"));
    expect(seen).toEqual([undefined, "one", undefined]);
  });
});
