import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { CRITERION_EVIDENCE_SHOWN, getCriterionDetail } from "./criterion-detail";

describe("getCriterionDetail", () => {
  it("lists the newest evidence of the live mapped controls once each, with their total", async () => {
    const auditor = await makeUser("auditor");
    const prisma = await db();
    const criterionId = "PI1.2";
    const [a, b, archived] = await Promise.all(
      ["CD-901", "CD-902", "CD-903"].map((ref) =>
        prisma.control.create({
          data: { ref, title: ref, criteria: { create: [{ criterionId }] } },
        }),
      ),
    );
    await prisma.control.update({ where: { id: archived!.id }, data: { archivedAt: new Date() } });
    const today = startOfUtcDay(new Date());
    const n = CRITERION_EVIDENCE_SHOWN + 5;
    for (let i = 0; i < n; i++)
      await prisma.evidence.create({
        data: {
          title: `Run ${i}`,
          kind: "automated",
          evidenceDate: addDays(today, -i),
          // Linked to both live controls: counted and listed once.
          controls: { create: [{ controlId: a!.id }, { controlId: b!.id }] },
        },
      });
    await prisma.evidence.create({
      data: {
        title: "Only the archived control",
        kind: "note",
        evidenceDate: addDays(today, 1),
        controls: { create: [{ controlId: archived!.id }] },
      },
    });
    const got = await getCriterionDetail(auditor, criterionId);
    expect(got?.controls.map((c) => c.ref)).toEqual(["CD-901", "CD-902"]);
    expect(got?.evidenceCount).toBe(n);
    expect(got?.evidence).toHaveLength(CRITERION_EVIDENCE_SHOWN);
    expect(got?.evidence[0]).toMatchObject({ title: "Run 0", kind: "automated" });
    expect(got?.evidence[0]?.evidenceDate).toEqual(today);
    expect(got?.evidence.at(-1)?.title).toBe(`Run ${CRITERION_EVIDENCE_SHOWN - 1}`);
  });

  it("has no evidence and a total of 0 for a criterion without any", async () => {
    const got = await getCriterionDetail(await makeUser("engineer"), "PI1.3");
    expect(got?.evidence).toEqual([]);
    expect(got?.evidenceCount).toBe(0);
  });
});
