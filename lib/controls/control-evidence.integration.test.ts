import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { CONTROL_EVIDENCE_SHOWN, getControl } from "./controls";

describe("getControl", () => {
  it("lists the newest evidence only, with how many items the control has", async () => {
    const auditor = await makeUser("auditor");
    const prisma = await db();
    const control = await prisma.control.create({ data: { ref: "EV-900", title: "Nightly" } });
    const today = startOfUtcDay(new Date());
    for (let i = 0; i < CONTROL_EVIDENCE_SHOWN + 5; i++)
      await prisma.evidence.create({
        data: {
          title: `Run ${i}`,
          kind: "automated",
          evidenceDate: addDays(today, -i),
          controls: { create: [{ controlId: control.id }] },
        },
      });
    const got = await getControl(auditor, control.id);
    expect(got?._count.evidence).toBe(CONTROL_EVIDENCE_SHOWN + 5);
    expect(got?.evidence).toHaveLength(CONTROL_EVIDENCE_SHOWN);
    expect(got?.evidence[0]?.evidence.title).toBe("Run 0");
    expect(got?.evidence.at(-1)?.evidence.title).toBe(`Run ${CONTROL_EVIDENCE_SHOWN - 1}`);
    expect(got?.evidence[0]?.evidence).toMatchObject({
      kind: "automated",
      reviewState: "draft",
      evidenceDate: today,
    });
    expect(await getControl(auditor, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});
