import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { ingestTestResults } from "@/lib/collectors/test-results/ingest";
import { makeControl, makeNoteEvidence, makeUser } from "@/lib/testing/fixtures";
import { WORKSPACE_ID } from "@/lib/workspace/id";
import { computeWorkspaceStatus } from "./compute";
import { workspaceStatus } from "./workspace-status";

// After a change, the controls the change did not touch keep their coverage object (their rows
// read the same, reuse-unchanged.ts and coverage-kept.ts), the touched ones get a new one, and the
// whole result is what a computation from scratch gives.

const today = startOfUtcDay(new Date());

let n = 0;
const run = (ref: string, failing: boolean) => `<?xml version="1.0"?>
<testsuite name="kept-${++n}" tests="1" timestamp="${new Date().toISOString().slice(0, 19)}">
  <properties><property name="control" value="${ref}"/></properties>
  <testcase classname="kept" name="test_${n}">${failing ? "<failure>x</failure>" : ""}</testcase>
</testsuite>`;

describe("coverage kept across computations", () => {
  it("is computed again only for the controls a change touched, and on a new day", async () => {
    const admin = await makeUser("admin");
    const auditor = await makeUser("auditor");
    await (
      await db()
    ).workspace.update({
      where: { id: WORKSPACE_ID },
      data: { auditPeriodStart: addDays(today, -30), auditPeriodEnd: addDays(today, 30) },
    });
    const control = (title: string) =>
      makeControl(admin, { title, ownerId: admin.id, criteria: ["CC7.1"] });
    const tested = await control("Kept: tested nightly");
    const other = await control("Kept: tested too");
    const reviewed = await control("Kept: reviewed");
    await ingestTestResults(admin, run(tested.ref, false), { via: "upload" });
    await ingestTestResults(admin, run(other.ref, false), { via: "upload" });

    const at = () => new Date();
    const fresh = async (now: Date) => {
      const s = await computeWorkspaceStatus(auditor, now);
      return [s.controls, s.criteria, s.coverage];
    };
    const s1 = await workspaceStatus(auditor, at());
    const kept = (s: typeof s1, id: string) => s.coverage.get(id);
    expect(kept(s1, tested.id)!.frequency).toBe("daily");

    // A failing run of one control: its runs and evidence change, nobody else's.
    await ingestTestResults(admin, run(tested.ref, true), { via: "upload" });
    const now2 = at();
    const s2 = await workspaceStatus(auditor, now2);
    expect(s2).not.toBe(s1);
    expect(kept(s2, tested.id)).not.toBe(kept(s1, tested.id));
    expect(kept(s2, tested.id)!.exceptions.map((e) => e.kind)).toEqual(["failed_run"]);
    expect(kept(s2, other.id)).toBe(kept(s1, other.id));
    expect(kept(s2, reviewed.id)).toBe(kept(s1, reviewed.id));
    expect([s2.controls, s2.criteria, s2.coverage]).toEqual(await fresh(now2));

    // Evidence for another control: only that one is computed again.
    await makeNoteEvidence(admin, { title: "Review", body: "done", controls: [reviewed.id] });
    const now3 = at();
    const s3 = await workspaceStatus(auditor, now3);
    expect(kept(s3, reviewed.id)).not.toBe(kept(s2, reviewed.id));
    expect(kept(s3, tested.id)).toBe(kept(s2, tested.id));
    expect(kept(s3, other.id)).toBe(kept(s2, other.id));
    expect([s3.controls, s3.criteria, s3.coverage]).toEqual(await fresh(now3));

    // The next day, every control's coverage is judged again (today moved), from the same input.
    const tomorrow = addDays(today, 1);
    const s4 = await workspaceStatus(auditor, tomorrow);
    for (const id of [tested.id, other.id, reviewed.id])
      expect(kept(s4, id)).not.toBe(kept(s3, id));
    expect([s4.controls, s4.criteria, s4.coverage]).toEqual(await fresh(tomorrow));
  });
});
