import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./content-disposition";

describe("Content-Disposition of downloads", () => {
  it("keeps a plain name as it is, in both forms", () => {
    expect(attachmentDisposition("sample-CC6.1-login-abc.csv")).toBe(
      `attachment; filename="sample-CC6.1-login-abc.csv"; filename*=UTF-8''sample-CC6.1-login-abc.csv`,
    );
  });

  it("cannot be broken out of by quotes, backslashes or line breaks, and keeps the exact name in filename*", () => {
    const h = attachmentDisposition("a\"b\\c\r\nSet-Cookie: x=1;é(1)*'.csv");
    expect(h).not.toMatch(/[\r\n]/);
    const fallback = /filename="([^"]*)"/.exec(h)?.[1];
    expect(fallback).toBe("a_b_c__Set-Cookie_ x_1__(1)__.csv");
    const ext = /filename\*=UTF-8''(\S+)$/.exec(h)?.[1];
    expect(ext).toBe("a%22b%5Cc%0D%0ASet-Cookie%3A%20x%3D1%3B%C3%A9%281%29%2A%27.csv");
    expect(decodeURIComponent(ext!)).toBe("a\"b\\c\r\nSet-Cookie: x=1;é(1)*'.csv");
  });

  it("has exactly one filename and one filename* parameter, whatever the name", () => {
    const h = attachmentDisposition("x\"; filename*=UTF-8''evil.html €");
    expect(h).toMatch(/^attachment; filename="[^"\\;=*]*"; filename\*=UTF-8''[^\s;"]*$/);
  });
});
