// Issue 10, point 6: an accept names the revision the reviewer saw; re-linking needs a new review.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeControl, makeNoteEvidence, makeUser } from "@/lib/testing/fixtures";
import { addRevision, createEvidence, reviewEvidence, setEvidenceControls } from "./evidence";
import { evidenceSchema } from "./schemas";
import { prepareUpload } from "./upload";

async function ready(text: string) {
  const p = await prepareUpload(new File([text], "report.txt", { type: "text/plain" }), undefined);
  if (p.kind !== "ready") throw new Error("expected a ready file");
  return p.file;
}

describe("reviewing evidence (issue 10)", () => {
  it("refuses to accept a revision older than the latest, and changes nothing", async () => {
    const engineer = await makeUser("engineer");
    const admin = await makeUser("admin");
    const v1 = await ready("access review v1");
    const { id } = await createEvidence(
      engineer,
      evidenceSchema.parse({ title: "Access review", kind: "file", evidenceDate: "2026-03-01" }),
      v1,
    );
    // The reviewer opened the page on revision 1; revision 2 arrives before they click Accept.
    await addRevision(engineer, id, await ready("access review v2, with an extra exception"));
    const prisma = await db();
    const before = await prisma.activity.count({ where: { entityId: id } });
    await expect(reviewEvidence(admin, id, "accept", "", v1.sha256)).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/newer revision \(2, SHA-256 .*\).*review revision 2 first/),
    });
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id } })).reviewState).toBe(
      "in_review",
    );
    expect(await prisma.activity.count({ where: { entityId: id } })).toBe(before);
    const latest = await prisma.evidenceRevision.findFirstOrThrow({
      where: { evidenceId: id, number: 2 },
    });
    await reviewEvidence(admin, id, "accept", "", latest.sha256);
    const log = await prisma.activity.findFirstOrThrow({
      where: { entityId: id, action: "evidence.accept" },
    });
    expect(log.summary).toMatch(/revision 2, sha256/);
    // Rejecting needs no revision: refusing stale content is always safe.
    await reviewEvidence(admin, id, "reject", "wrong quarter");
  });

  it("sends accepted evidence back to review when its controls change", async () => {
    const admin = await makeUser("admin");
    const engineer = await makeUser("engineer");
    const a = await makeControl(admin, { title: "Segregation A", criteria: ["CC6.2"] });
    const b = await makeControl(admin, { title: "Segregation B", criteria: ["CC6.2"] });
    const { id } = await makeNoteEvidence(engineer, {
      title: "Note",
      body: "Reviewed",
      evidenceDate: "2026-03-01",
      controls: [a.id],
    });
    await reviewEvidence(admin, id, "accept", "");
    const prisma = await db();
    expect(await setEvidenceControls(engineer, id, [a.id])).toEqual({ needsReview: false });
    expect((await prisma.evidence.findUniqueOrThrow({ where: { id } })).reviewState).toBe(
      "accepted",
    );
    expect(await setEvidenceControls(engineer, id, [a.id, b.id])).toEqual({ needsReview: true });
    const ev = await prisma.evidence.findUniqueOrThrow({
      where: { id },
      include: { controls: true },
    });
    expect(ev.reviewState).toBe("in_review");
    expect(ev.reviewedById).toBeNull();
    expect(ev.controls.map((c) => c.controlId).sort()).toEqual([a.id, b.id].sort());
    const auditor = await makeUser("auditor");
    await expect(setEvidenceControls(auditor, id, [])).rejects.toMatchObject({
      code: "forbidden",
    });
  });
});
