// What the audit package of the demo workspace holds (samples, OSCAL, the period's judgement),
// and who may create and download it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, isoDay, startOfUtcDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { oscalErrors } from "@/lib/testing/oscal-schema";
import { collectPackageData } from "./collect";
import { createStoredPackage, listStoredPackages, openStoredPackage } from "./stored-packages";
import { demoPackage } from "./demo-package.test-helper";

let admin: Awaited<ReturnType<typeof demoPackage>>["admin"];
let packageId: string;
let unpacked: string;

describe("the audit package of the demo workspace", () => {
  beforeAll(async () => {
    ({ admin, packageId, unpacked } = await demoPackage());
  });

  it("lists the samples drawn with their seed and population hash", () => {
    const csv = readFileSync(path.join(unpacked, "tables/samples.csv"), "utf8").split("\r\n");
    expect(csv[0]).toBe(
      "drawn_at,drawn_by,criterion,action,from,to,n,seed,population,population_sha256,summary",
    );
    expect(csv[1]).toMatch(/,CC6\.1,login,.*,5,package-seed,\d+,[0-9a-f]{64},/);
  });

  it("carries OSCAL documents that validate against NIST's schema", () => {
    for (const f of ["assessment-results", "catalog", "poam"]) {
      const doc = JSON.parse(readFileSync(path.join(unpacked, "oscal", `${f}.json`), "utf8"));
      expect([f, oscalErrors(doc)]).toEqual([f, []]);
    }
    const ar = JSON.parse(
      readFileSync(path.join(unpacked, "oscal/assessment-results.json"), "utf8"),
    );
    const findings = ar["assessment-results"].results[0].findings;
    const cc61 = findings.find(
      (f: { target: { "target-id": string } }) => f.target["target-id"] === "CC6.1",
    );
    expect(cc61.target.status.state).toBe("not-satisfied");
    expect(cc61.description).toContain("BL-131");
  });

  it("records creation and downloads; auditors download, engineers may not", async () => {
    const auditor = await makeUser("auditor");
    const engineer = await makeUser("engineer");
    expect((await listStoredPackages(auditor)).map((p) => p.id)).toContain(packageId);
    const dl = await openStoredPackage(auditor, packageId);
    expect(dl.size).toBeGreaterThan(1000);
    await dl.stream.cancel();
    await expect(openStoredPackage(engineer, packageId)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createStoredPackage(auditor, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(openStoredPackage(auditor, "../../etc/passwd")).rejects.toMatchObject({
      code: "not_found",
    });
    const actions = await (
      await db()
    ).activity.findMany({
      where: { entityType: "package" },
      select: { action: true, actorEmail: true },
    });
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "package.create", actorEmail: admin.email },
        { action: "package.download", actorEmail: auditor.email },
      ]),
    );
  });

  it("judges operating effectiveness over the package's own period", async () => {
    const day = (n: number) => isoDay(addDays(startOfUtcDay(new Date()), -n));
    const tenantReasons = async (period: { from: string; to: string }) =>
      (await collectPackageData(admin, period)).controls
        .find((c) => c.title === "Tenant Isolation")!
        .reasons.map((r) => r.text);
    // The demo's nightly runs stop between 100 and 71 days ago: a gap of the workspace's period,
    // not of a package for the last 60 days.
    const gap = `No evidence ${day(100)} – ${day(71)}`;
    expect(await tenantReasons({ from: day(150), to: day(0) })).toContain(gap);
    expect((await tenantReasons({ from: day(60), to: day(0) })).join("\n")).not.toContain(
      "No evidence",
    );
  });
});
