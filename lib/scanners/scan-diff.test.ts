import { describe, expect, it } from "vitest";
import { LEVEL_PRIORITY, diffScans } from "./scan-diff";

describe("diffScans", () => {
  it("puts everything under new on the first scan", () => {
    expect(diffScans(null, ["b", "a"])).toEqual({ new: ["a", "b"], fixed: [], stillOpen: [] });
  });

  it("separates new, fixed and still open", () => {
    expect(diffScans(["a", "b", "c"], ["b", "d", "c"])).toEqual({
      new: ["d"],
      fixed: ["a"],
      stillOpen: ["b", "c"],
    });
  });

  it("maps levels to priorities", () => {
    expect(LEVEL_PRIORITY).toEqual({ error: "P1", warn: "P2", info: "P3" });
  });
});
