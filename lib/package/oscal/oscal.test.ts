import { describe, expect, it } from "vitest";
import { oscalErrors } from "@/lib/testing/oscal-schema";
import { CRITERIA } from "@/lib/catalog/criteria";
import { samplePackageData } from "../sample-data.test-helper";
import { packageUuids } from "../uuid";
import { oscalAssessmentResults } from "./assessment-results";
import { oscalCatalog } from "./catalog";
import { oscalPoam } from "./poam";

const data = samplePackageData();
const uuids = packageUuids(data.createdAt);

describe("OSCAL documents", () => {
  it("the catalog of all 61 criteria validates against OSCAL 1.2.2", () => {
    const doc = oscalCatalog(CRITERIA, data.createdAt, uuids);
    expect(oscalErrors(doc)).toEqual([]);
    expect(doc.catalog.groups?.flatMap((g) => g.controls.map((c) => c.id))).toHaveLength(61);
  });

  it("assessment results validate, with a finding per in-scope criterion", () => {
    const doc = oscalAssessmentResults(data, uuids);
    expect(oscalErrors(doc)).toEqual([]);
    const result = doc["assessment-results"].results[0]!;
    expect(result.findings?.map((f) => [f.target["target-id"], f.target.status.state])).toEqual([
      ["CC6.1", "not-satisfied"],
      ["CC7.2", "satisfied"],
      ["A1.2", "satisfied"],
    ]);
    const cc61 = result.findings![0]!;
    expect(cc61.description).toContain("Open P0 backlog item BL-131");
    expect(cc61["related-observations"]).toHaveLength(3);
    expect(cc61["related-risks"]).toHaveLength(1);
    const fileObs = result.observations!.find((o) => o.title === "RLS policy export")!;
    expect(fileObs["relevant-evidence"][0]).toMatchObject({
      href: "../evidence/CTL-001/rls%20policy.sql",
      props: [
        { name: "sha256", value: "a".repeat(64) },
        { name: "size", value: "12" },
      ],
    });
  });

  it("the POA&M validates, with checklist steps as milestones", () => {
    const doc = oscalPoam(data, uuids);
    expect(oscalErrors(doc)).toEqual([]);
    const poam = doc["plan-of-action-and-milestones"];
    expect(poam["poam-items"].map((i) => i.title)).toEqual([
      "BL-131: Enable RLS on all tenant tables",
      "BL-120: Old item",
    ]);
    const tasks = poam.risks![0]!.remediations[0]!.tasks!;
    expect(tasks.map((t) => [t.type, t.title])).toEqual([
      ["milestone", "Migration applied"],
      ["milestone", "Cross-tenant test passes"],
    ]);
  });

  it("a period with no data still yields valid documents that say so", () => {
    const empty = samplePackageData({ evidence: [], testRuns: [], backlog: [], auditDaily: [] });
    const ar = oscalAssessmentResults(empty, uuids);
    expect(oscalErrors(ar)).toEqual([]);
    expect(ar["assessment-results"].results[0]!.description).toContain("No evidence");
    const poam = oscalPoam(empty, uuids);
    expect(oscalErrors(poam)).toEqual([]);
    expect(poam["plan-of-action-and-milestones"]["poam-items"][0]!.title).toMatch(/No open/);
  });

  it("is deterministic: the same data and creation time give the same documents", () => {
    const again = packageUuids(new Date(data.createdAt));
    expect(JSON.stringify(oscalAssessmentResults(samplePackageData(), again))).toBe(
      JSON.stringify(oscalAssessmentResults(data, uuids)),
    );
    const later = packageUuids(new Date("2026-07-02T00:00:00Z"));
    expect(oscalAssessmentResults(data, later)["assessment-results"].uuid).not.toBe(
      oscalAssessmentResults(data, uuids)["assessment-results"].uuid,
    );
  });

  it("rejects what OSCAL forbids (so the validator is really on)", () => {
    const doc = oscalPoam(data, uuids);
    doc["plan-of-action-and-milestones"].uuid = "not-a-uuid";
    expect(oscalErrors(doc).length).toBeGreaterThan(0);
  });
});
