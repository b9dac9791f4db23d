import { describe, expect, it } from "vitest";
import { cookieHeader } from "./current-cookies";

describe("cookieHeader", () => {
  it("writes the cookies as a browser sends them, encoding what a header cannot carry", () => {
    expect(
      cookieHeader([
        { name: "authjs.session-token", value: "eyJ.abc-_def" },
        { name: "authjs.callback-url", value: "http://127.0.0.1:3000/" },
      ]),
    ).toBe(
      "authjs.session-token=eyJ.abc-_def; authjs.callback-url=http%3A%2F%2F127.0.0.1%3A3000%2F",
    );
  });

  it("leaves out a cookie the response deletes (an empty value)", () => {
    expect(
      cookieHeader([
        { name: "authjs.session-token", value: "" },
        { name: "tb_device", value: "d1" },
      ]),
    ).toBe("tb_device=d1");
    expect(cookieHeader([])).toBe("");
  });
});
