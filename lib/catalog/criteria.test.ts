import { describe, expect, it } from "vitest";
import { CRITERIA, categoryOf, inScope } from "./criteria";

describe("criteria catalog", () => {
  it("holds all 61 Trust Services Criteria with unique ids", () => {
    expect(CRITERIA).toHaveLength(61);
    expect(new Set(CRITERIA.map((c) => c.id)).size).toBe(61);
  });

  it("has the expected count per category", () => {
    const count = (cat: string) => CRITERIA.filter((c) => c.category === cat).length;
    expect(count("security")).toBe(33);
    expect(count("availability")).toBe(3);
    expect(count("confidentiality")).toBe(2);
    expect(count("processing_integrity")).toBe(5);
    expect(count("privacy")).toBe(18);
  });

  it("quotes the requirement of exactly the 15 criteria in the controls-mapping seed", () => {
    const quoted = CRITERIA.filter((c) => c.requirement).map((c) => c.id);
    expect(quoted).toEqual([
      "CC6.1",
      "CC6.2",
      "CC6.3",
      "CC6.6",
      "CC6.7",
      "CC6.8",
      "CC7.2",
      "CC7.3",
      "CC7.4",
      "CC8.1",
      "A1.2",
      "C1.1",
      "C1.2",
      "PI1.1",
      "PI1.4",
    ]);
    expect(CRITERIA.find((c) => c.id === "A1.2")?.requirement).toMatch(/data backup processes/);
  });

  it("classifies ids by prefix without confusing C, CC and PI", () => {
    expect(categoryOf("CC9.2")).toBe("security");
    expect(categoryOf("C1.2")).toBe("confidentiality");
    expect(categoryOf("PI1.5")).toBe("processing_integrity");
    expect(categoryOf("P8.1")).toBe("privacy");
    expect(categoryOf("A1.3")).toBe("availability");
  });

  it("always keeps Security in scope", () => {
    expect(inScope("security", [])).toBe(true);
    expect(inScope("privacy", [])).toBe(false);
    expect(inScope("privacy", ["privacy"])).toBe(true);
  });
});
