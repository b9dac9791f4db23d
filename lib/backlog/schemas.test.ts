import { describe, expect, it } from "vitest";
import { backlogFilterSchema, backlogListSchema, backlogSchema } from "./schemas";

const base = { title: "RLS on 39 tables", priority: "P0" };

describe("backlog item form", () => {
  it("reads risks, dates, links and the checklist", () => {
    const v = backlogSchema.parse({
      ...base,
      key: "bl-131",
      dueDate: "2026-02-15",
      criteria: ["CC6.1", "CC6.1", "CC6.6"],
      checklist: "Run Query 1: all 39 tables rowsecurity = true\n\nTest RLS enforcement",
      riskBeforeRisk: "Multi-tenant data breach",
      riskBeforeLikelihood: "medium",
      riskBeforeImpact: "catastrophic",
      riskBeforeCvss: "9.1",
      riskAfterLikelihood: "",
      riskAfterImpact: "",
      riskAfterCvss: "",
    });
    expect(v.key).toBe("BL-131");
    expect(v.dueDate?.toISOString()).toBe("2026-02-15T00:00:00.000Z");
    expect(v.criteria).toEqual(["CC6.1", "CC6.6"]);
    expect(v.checklist).toHaveLength(2);
    expect(v.riskBefore).toEqual({
      risk: "Multi-tenant data breach",
      likelihood: "medium",
      impact: "catastrophic",
      cvss: 9.1,
    });
    expect(v.riskAfter).toBeNull();
  });

  it("a generated key is left to the server; a half-filled risk or a CVSS out of range is refused", () => {
    expect(backlogSchema.parse(base).key).toBeNull();
    const half = backlogSchema.safeParse({ ...base, riskAfterLikelihood: "low" });
    expect(half.success).toBe(false);
    expect(half.error?.issues[0]?.message).toMatch(/both likelihood and impact/);
    const cvss = backlogSchema.safeParse({
      ...base,
      riskBeforeLikelihood: "low",
      riskBeforeImpact: "low",
      riskBeforeCvss: "11",
    });
    expect(cvss.success).toBe(false);
    expect(backlogSchema.safeParse({ ...base, key: "ticket 5" }).success).toBe(false);
  });

  it("filters ignore junk instead of failing the page", () => {
    expect(
      backlogFilterSchema.parse({
        priority: "P9",
        status: "closed",
        overdue: "1",
        criterion: "CC6.1",
      }),
    ).toEqual({
      priority: null,
      status: "closed",
      owner: null,
      criterion: "CC6.1",
      overdue: true,
      q: null,
    });
    // The page's URL adds sort and page, junk there too falls back to the defaults.
    expect(
      backlogListSchema.parse({ q: "  vault ", sort: "password", dir: "up", page: "-2" }),
    ).toMatchObject({ q: "vault", sort: null, dir: null, page: 1 });
    expect(backlogListSchema.parse({ q: "a\u0000b" }).q).toBeNull();
  });
});
