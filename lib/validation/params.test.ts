import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { INT4_MAX, decodeSegment, parseBigintCursor, parseIntParam } from "./params";

describe("parameter parsers", () => {
  it("reads whole numbers only inside the column's range", () => {
    expect(parseIntParam("7")).toBe(7);
    expect(parseIntParam("9999999999999999999")).toBeNull();
    expect(parseIntParam(String(INT4_MAX + 1))).toBeNull();
    expect(parseIntParam("-1")).toBeNull();
    expect(parseIntParam("1e3")).toBeNull();
    expect(parseIntParam("0", 1)).toBeNull();
  });

  it("reads int8 cursors and refuses 27 digits", () => {
    expect(parseBigintCursor("42")).toBe(42n);
    expect(parseBigintCursor("9223372036854775807")).toBe(9223372036854775807n);
    expect(parseBigintCursor("9223372036854775808")).toBeNull();
    expect(parseBigintCursor("123456789012345678901234567")).toBeNull();
    expect(parseBigintCursor("0")).toBeNull();
  });

  it("decodes a segment or says it cannot", () => {
    expect(decodeSegment("BL-131")).toBe("BL-131");
    expect(decodeSegment("%E2%82%AC")).toBe("€");
    expect(decodeSegment("%E0%A4%A")).toBeNull();
  });

  it("never throws and never returns out-of-range values, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const n = parseIntParam(s);
        expect(n === null || (Number.isInteger(n) && n >= 0 && n <= INT4_MAX)).toBe(true);
        const c = parseBigintCursor(s);
        expect(c === null || (c > 0n && c <= 9223372036854775807n)).toBe(true);
        decodeSegment(s);
      }),
    );
  });
});
