import { describe, expect, it } from "vitest";
import { listHref, pageParam, pageWindow, showingText } from "./page-window";

describe("pageWindow", () => {
  it("gives the slice a page shows and the honest count", () => {
    const w = pageWindow(1000, 1, 50);
    expect(w).toMatchObject({ page: 1, pages: 20, offset: 0, from: 1, to: 50 });
    expect(showingText(w)).toBe("Showing 1–50 of 1,000");
    expect(showingText(pageWindow(1000, 20, 50))).toBe("Showing 951–1,000 of 1,000");
    expect(showingText(pageWindow(51, 2, 50))).toBe("Showing 51–51 of 51");
  });

  it("clamps a page past the end to the last one, and an empty list to page 1", () => {
    expect(pageWindow(120, 9, 50)).toMatchObject({ page: 3, offset: 100, from: 101, to: 120 });
    expect(pageWindow(0, 4, 50)).toMatchObject({ page: 1, pages: 1, offset: 0, from: 0, to: 0 });
    expect(showingText(pageWindow(0, 1))).toBe("Showing 0 of 0");
  });
});

describe("pageParam", () => {
  it("reads a positive whole number and falls back to the first page", () => {
    expect(pageParam.parse("3")).toBe(3);
    for (const bad of ["0", "-1", "1.5", "abc", "", undefined, "9".repeat(30)])
      expect(pageParam.parse(bad)).toBe(1);
  });
});

describe("listHref", () => {
  it("changes one parameter and keeps the others, leaving out empty ones", () => {
    expect(listHref("/evidence", { q: "a b", kind: null, sort: "title" }, { page: "2" })).toBe(
      "/evidence?q=a+b&sort=title&page=2",
    );
    expect(listHref("/evidence", { page: "2" }, { page: null })).toBe("/evidence");
  });
});
