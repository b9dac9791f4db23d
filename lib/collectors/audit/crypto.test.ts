import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./crypto";

describe("connection string encryption", () => {
  const url = "postgresql://reader:s3cret@db.internal:5432/app";

  it("round-trips, with a fresh IV every time and no plain text in the output", () => {
    const a = encryptSecret(url, "key-one");
    const b = encryptSecret(url, "key-one");
    expect(a).not.toBe(b);
    expect(a).not.toContain("s3cret");
    expect(decryptSecret(a, "key-one")).toBe(url);
  });

  it("refuses the wrong key and any altered byte", () => {
    const sealed = encryptSecret(url, "key-one");
    expect(() => decryptSecret(sealed, "key-two")).toThrow(/cannot be decrypted/);
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3]!, "base64");
    body[0]! ^= 1;
    expect(() =>
      decryptSecret([parts[0], parts[1], parts[2], body.toString("base64")].join("."), "key-one"),
    ).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret("garbage", "key-one")).toThrow(/Not an encrypted/);
  });
});

describe("the authentication tag", () => {
  it("refuses a shortened tag", () => {
    const sealed = encryptSecret("postgresql://u:p@h/db", "k".repeat(32));
    const [v, iv, tag, body] = sealed.split(".");
    const short = Buffer.from(tag!, "base64").subarray(0, 4).toString("base64");
    expect(() => decryptSecret([v, iv, short, body].join("."), "k".repeat(32))).toThrow(/tag/);
    expect(decryptSecret(sealed, "k".repeat(32))).toBe("postgresql://u:p@h/db");
  });
});
