import { describe, expect, it } from "vitest";
import { evidenceListSchema } from "./schemas";

describe("evidenceListSchema (the library's URL)", () => {
  it("reads search, filters, sort and page", () => {
    expect(
      evidenceListSchema.parse({
        q: " report ",
        kind: "file",
        state: "expired",
        control: "YC-001",
        criterion: "CC6.1",
        expiry: "30",
        sort: "expiry",
        dir: "asc",
        page: "3",
      }),
    ).toEqual({
      q: "report",
      kind: "file",
      state: "expired",
      control: "YC-001",
      criterion: "CC6.1",
      expiry: "30",
      sort: "expiry",
      dir: "asc",
      page: 3,
    });
  });

  it("ignores junk, repeated parameters and NUL characters instead of failing the page", () => {
    expect(
      evidenceListSchema.parse({
        q: "a\u0000b",
        kind: "virus",
        state: ["accepted", "draft"],
        control: "\u0000",
        criterion: "CC99",
        expiry: "365",
        sort: "constructor",
        dir: "sideways",
        page: "1e308",
      }),
    ).toEqual({
      q: null,
      kind: null,
      state: "accepted",
      control: null,
      criterion: null,
      expiry: null,
      sort: null,
      dir: null,
      page: 1,
    });
  });
});
