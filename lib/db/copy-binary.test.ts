import { describe, expect, it } from "vitest";
import { BinaryRows, uuidArrayField, uuidBytes, uuidField } from "./copy-binary";

const ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
const int32 = (b: Uint8Array, at: number) => Buffer.from(b).readInt32BE(at);

describe("binary COPY fields", () => {
  it("write a uuid as its 16 bytes and refuse what is not one", () => {
    expect(Buffer.from(uuidBytes(ID)).toString("hex")).toBe(ID.replaceAll("-", ""));
    expect(Buffer.from(uuidBytes(ID.toUpperCase())).toString("hex")).toBe(ID.replaceAll("-", ""));
    expect(() => uuidBytes("not-a-uuid")).toThrow(/Not a uuid/);
    expect(() => uuidBytes(`${ID}0`)).toThrow(/Not a uuid/);
    const field = uuidField(ID);
    expect(int32(field, 0)).toBe(16);
    expect(field.subarray(4)).toEqual(uuidBytes(ID));
  });

  it("write uuid[] with one dimension from 1, and {} with none", () => {
    const empty = uuidArrayField([]);
    // Length 12: no dimensions, no nulls, element type uuid (OID 2950).
    expect([0, 4, 8, 12].map((at) => int32(empty, at))).toEqual([12, 0, 0, 2950]);
    const two = uuidArrayField([ID, ID.replace("0f8f", "1f8f")]);
    expect(two.length).toBe(4 + 20 + 2 * 20);
    expect([0, 4, 8, 12, 16, 20, 24].map((at) => int32(two, at))).toEqual([
      60, 1, 0, 2950, 2, 1, 16,
    ]);
    expect(two.subarray(28, 44)).toEqual(uuidBytes(ID));
    expect(int32(two, 44)).toBe(16);
    expect(two.subarray(48, 64).toString("hex")).toMatch(/^1f8f/);
  });

  it("write text as UTF-8 with its byte length, null as -1, NUL as U+FFFD", () => {
    const rows = new BinaryRows().row(3).text("é🙂").nul().text("a\0b");
    const out = Buffer.from(rows.take());
    expect(out.readInt16BE(0)).toBe(3);
    expect(out.readInt32BE(2)).toBe(6);
    expect(out.subarray(6, 12).toString("utf8")).toBe("é🙂");
    expect(out.readInt32BE(12)).toBe(-1);
    expect(out.readInt32BE(16)).toBe(5);
    expect(out.subarray(20).toString("utf8")).toBe("a\uFFFDb");
  });

  it("write ASCII then other characters, short or long, as UTF-8", () => {
    for (const s of ["ab€", `${"a".repeat(60)}€🙂x`, `${"b".repeat(70)}é`, "é", "plain"]) {
      const out = Buffer.from(new BinaryRows().text(s).take());
      expect(out.readInt32BE(0)).toBe(Buffer.byteLength(s));
      expect(out.subarray(4).toString("utf8")).toBe(s);
    }
  });

  it("write booleans and int4, refusing a fraction or a value beyond int4", () => {
    const out = Buffer.from(new BinaryRows().bool(true).bool(false).int4(2_147_483_647).take());
    expect([...out.subarray(0, 10)]).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 1, 0]);
    expect(out.readInt32BE(10)).toBe(4);
    expect(out.readInt32BE(14)).toBe(2_147_483_647);
    expect(() => new BinaryRows().int4(1.5)).toThrow(RangeError);
    expect(() => new BinaryRows().int4(2_147_483_648)).toThrow(RangeError);
  });

  it("grow past their first buffer and start afresh after each take", () => {
    const rows = new BinaryRows();
    const long = "x".repeat(200_000);
    rows.row(1).text(long);
    const first = rows.take();
    expect(first.length).toBe(2 + 4 + 200_000);
    expect(Buffer.from(first).subarray(6).toString()).toBe(long);
    expect(rows.row(1).nul().take().length).toBe(6);
  });
});
