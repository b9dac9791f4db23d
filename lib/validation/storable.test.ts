import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cutText,
  replaceUnstorableJson,
  isStorableInt,
  isStorableTime,
  nulPath,
  replaceUnstorable,
  unpairedSurrogatePath,
} from "./storable";

describe("storable values", () => {
  it("names the path of a NUL character in nested data", () => {
    expect(nulPath({ a: "x", b: { c: ["ok", "bad\u0000"] } })).toBe("b.c[1]");
    expect(nulPath({ "k\u0000": 1 })).toBe("k\\0");
    expect(nulPath("plain")).toBeNull();
    expect(nulPath({ n: 1e308, s: "é" })).toBeNull();
  });

  it("names the path of half a surrogate pair, but not of a whole pair", () => {
    expect(unpairedSurrogatePath({ a: "x", b: { c: ["ok", "bad\ud800"] } })).toBe("b.c[1]");
    expect(unpairedSurrogatePath({ a: "\udc00 at the start" })).toBe("a");
    expect(unpairedSurrogatePath({ a: "\ud83d\ude00 paired, 😀" })).toBeNull();
    expect(unpairedSurrogatePath({ "k\udfff": 1 })).toBe("k\udfff");
    expect(unpairedSurrogatePath({ n: 1, s: "é" })).toBeNull();
  });

  it("finds a NUL wherever it is put", () => {
    fc.assert(
      fc.property(fc.json(), fc.string(), (json, s) => {
        const value: unknown = JSON.parse(json);
        if (!json.includes("\\u0000")) expect(nulPath(value)).toBeNull();
        expect(nulPath({ wrap: [value, `${s}\u0000`] })).not.toBeNull();
      }),
    );
  });

  it("replaces NUL characters and halves of surrogate pairs with U+FFFD, keeping whole pairs", () => {
    expect(replaceUnstorable("a\u0000b\ud800c\udfff😀\ud83d")).toBe(
      "a\uFFFDb\uFFFDc\uFFFD😀\uFFFD",
    );
    expect(replaceUnstorable("plain é")).toBe("plain é");
  });

  it("replaces what PostgreSQL refuses in every string and key of JSON data", () => {
    expect(
      replaceUnstorableJson({ "k\ud800": ["a\u0000", { n: 1, s: "\udc00😀" }], t: true, z: null }),
    ).toEqual({ "k\uFFFD": ["a\uFFFD", { n: 1, s: "\uFFFD😀" }], t: true, z: null });
    // A replaced key meeting a key of that name keeps its value under another.
    expect(replaceUnstorableJson({ "k\ud800": 1, "k\uFFFD": 2, "k\udc00": 3 })).toEqual({
      "k\uFFFD": 2,
      "k\uFFFD#2": 1,
      "k\uFFFD#3": 3,
    });
    const proto = replaceUnstorableJson(JSON.parse('{"__proto__": {"x": "\\u0000"}}'));
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(proto, "__proto__")?.value).toEqual({ x: "\uFFFD" });
    const clean = { a: ["b", { c: "é😀" }] };
    expect(replaceUnstorableJson(clean)).toEqual(clean);
    // Strings (values and keys) of these units: halves of 😀 alone or side by side, NUL.
    const unit = fc.constantFrom("a", "é", "😀", "\ud83d", "\ude00", "\u0000");
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: unit }), (value) => {
        const stored = replaceUnstorableJson(value);
        expect(nulPath(stored)).toBeNull();
        expect(unpairedSurrogatePath(stored)).toBeNull();
      }),
    );
  });

  it("cuts text without keeping half of a surrogate pair", () => {
    expect(cutText("abc", 5)).toBe("abc");
    expect(cutText("abcdef", 3)).toBe("abc");
    expect(cutText("ab😀d", 3)).toBe("ab");
    expect(cutText("ab😀d", 4)).toBe("ab😀");
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.nat(40), (s, max) => {
        const cut = cutText(s, max);
        expect(s.startsWith(cut)).toBe(true);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut.length).toBeGreaterThanOrEqual(Math.min(s.length, max) - 1);
        expect(unpairedSurrogatePath(cut)).toBeNull();
      }),
    );
  });

  it("keeps times and integers within what the columns hold", () => {
    expect(isStorableTime(new Date(8.64e15))).toBe(false);
    expect(isStorableTime(new Date(-1))).toBe(false);
    expect(isStorableTime(new Date())).toBe(true);
    expect(isStorableInt(1e308)).toBe(false);
    expect(isStorableInt(2_147_483_647)).toBe(true);
    expect(isStorableInt(-1)).toBe(false);
    expect(isStorableInt(1.5)).toBe(false);
  });
});
