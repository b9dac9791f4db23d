import "server-only";
import { authorize } from "@/lib/auth/authorize";
import { accountId, actorRole, type Actor } from "@/lib/auth/actor";
import { conflict, invalid, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { parseIsoDay } from "@/lib/dates";
import type { Tx } from "@/lib/db/tx";
import type { EvidenceFields } from "./schemas";
import { storeRevision } from "./store-file";
import type { PreparedFile } from "./upload";

const asDate = (d: string | undefined) => (d ? parseIsoDay(d) : null);

async function assertControlsExist(tx: Tx, ids: string[]) {
  if (ids.length && (await tx.control.count({ where: { id: { in: ids } } })) !== new Set(ids).size)
    throw notFound("One of the chosen controls does not exist.");
}

export interface CreatedEvidence {
  id: string;
  duplicateOf: { evidenceId: string; title: string; revision: number } | null;
}

export async function createEvidence(
  actor: Actor | null,
  f: EvidenceFields,
  file: PreparedFile | null,
): Promise<CreatedEvidence> {
  authorize(actor, "evidence.write");
  if (f.kind === "file" && !file) throw invalid("Choose a file to upload.");
  const uploader = file ? accountId(actor) : null;
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await assertControlsExist(tx, f.controls);
    const evidence = await tx.evidence.create({
      data: {
        title: f.title,
        description: f.description,
        kind: f.kind,
        url: f.kind === "link" ? f.url : null,
        body: f.kind === "note" ? f.body : null,
        evidenceDate: asDate(f.evidenceDate)!,
        periodStart: asDate(f.periodStart),
        periodEnd: asDate(f.periodEnd),
        expiresOn: asDate(f.expiresOn),
        renewalDays: f.renewalDays ?? null,
        reviewState: f.submit === "draft" ? "draft" : "in_review",
        createdById: actor.id,
        controls: { create: [...new Set(f.controls)].map((controlId) => ({ controlId })) },
      },
    });
    const duplicateOf =
      file && uploader ? await storeRevision(tx, evidence.id, 1, file, uploader) : null;
    await recordActivity(tx, actor, {
      action: "evidence.create",
      entityType: "evidence",
      entityId: evidence.id,
      summary: `Added ${f.kind} evidence "${f.title}"${file ? ` (${file.fileName}, sha256 ${file.sha256.slice(0, 12)}…${file.redacted ? ", secrets redacted" : file.findings.length ? `, ${file.findings.length} secret finding(s) kept` : ""})` : ""}`,
      after: {
        title: f.title,
        kind: f.kind,
        evidenceDate: f.evidenceDate,
        controls: f.controls,
        sha256: file?.sha256 ?? null,
        reviewState: evidence.reviewState,
      },
    });
    return { id: evidence.id, duplicateOf };
  });
}

export async function addRevision(actor: Actor | null, evidenceId: string, file: PreparedFile) {
  authorize(actor, "evidence.write");
  const uploader = accountId(actor);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const ev = await tx.evidence.findUnique({
      where: { id: evidenceId },
      select: {
        title: true,
        kind: true,
        reviewState: true,
        revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, sha256: true } },
      },
    });
    if (!ev) throw notFound("That evidence no longer exists.");
    if (ev.kind !== "file") throw conflict("Only file evidence has revisions.");
    const last = ev.revisions[0];
    if (last && last.sha256 === file.sha256)
      throw conflict(
        `This file is identical to revision ${last.number} (same SHA-256); nothing was added.`,
      );
    const number = (last?.number ?? 0) + 1;
    const duplicateOf = await storeRevision(tx, evidenceId, number, file, uploader);
    // New content needs a new review: acceptance was for the old content.
    const reviewState = ev.reviewState === "draft" ? "draft" : "in_review";
    await tx.evidence.update({
      where: { id: evidenceId },
      data: { reviewState, reviewComment: null, reviewedAt: null, reviewedById: null },
    });
    await recordActivity(tx, actor, {
      action: "evidence.revision",
      entityType: "evidence",
      entityId: evidenceId,
      summary: `Uploaded revision ${number} of "${ev.title}" (${file.fileName}, sha256 ${file.sha256.slice(0, 12)}…)`,
      before: { reviewState: ev.reviewState, revision: last?.number ?? null },
      after: { reviewState, revision: number, sha256: file.sha256 },
    });
    return { number, duplicateOf };
  });
}

export async function reviewEvidence(
  actor: Actor | null,
  id: string,
  decision: "accept" | "reject",
  comment: string,
  /** SHA-256 of the revision the reviewer saw (file evidence): a newer one refuses the accept. */
  sawSha256: string | null = null,
) {
  authorize(actor, "evidence.review");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    // Locked, so a revision uploaded while the reviewer decides is either seen here or waits.
    await tx.$queryRaw`SELECT 1 FROM "evidence" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const ev = await tx.evidence.findUnique({
      where: { id },
      select: {
        title: true,
        kind: true,
        reviewState: true,
        revisions: { orderBy: { number: "desc" }, take: 1, select: { number: true, sha256: true } },
      },
    });
    if (!ev) throw notFound("That evidence no longer exists.");
    const latest = ev.revisions[0] ?? null;
    if (decision === "accept" && latest) {
      if (!sawSha256)
        throw invalid("Name the revision you reviewed (its SHA-256) to accept file evidence.");
      if (sawSha256 !== latest.sha256)
        throw conflict(
          `A newer revision (${latest.number}, SHA-256 ${latest.sha256.slice(0, 12)}…) was uploaded after the one you reviewed. Nothing was accepted: review revision ${latest.number} first.`,
        );
    }
    const reviewState = decision === "accept" ? "accepted" : "rejected";
    await tx.evidence.update({
      where: { id },
      data: {
        reviewState,
        reviewComment: comment || null,
        reviewedById: actor.id,
        reviewedAt: new Date(),
      },
    });
    await recordActivity(tx, actor, {
      action: `evidence.${decision}`,
      entityType: "evidence",
      entityId: id,
      summary: `${decision === "accept" ? "Accepted" : "Rejected"} evidence "${ev.title}"${latest ? ` (revision ${latest.number}, sha256 ${latest.sha256.slice(0, 12)}…)` : ""}${comment ? `: ${comment}` : ""}`,
      before: { reviewState: ev.reviewState },
      after: {
        reviewState,
        comment: comment || null,
        ...(latest ? { revision: latest.number, sha256: latest.sha256 } : {}),
      },
    });
  });
}

/**
 * Changes which controls evidence proves. Accepted evidence goes back to review: the reviewer
 * accepted it as proof of the controls it named then, not of others.
 */
export async function setEvidenceControls(
  actor: Actor | null,
  id: string,
  controlIds: string[],
): Promise<{ needsReview: boolean }> {
  authorize(actor, "evidence.write");
  const ids = [...new Set(controlIds)];
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "evidence" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const ev = await tx.evidence.findUnique({
      where: { id },
      select: {
        title: true,
        reviewState: true,
        controls: { select: { control: { select: { id: true, ref: true } } } },
      },
    });
    if (!ev) throw notFound("That evidence no longer exists.");
    await assertControlsExist(tx, ids);
    const before = ev.controls.map((c) => c.control.id).sort();
    const after = [...ids].sort();
    if (before.join() === after.join()) return { needsReview: false };
    await tx.evidenceControl.deleteMany({ where: { evidenceId: id } });
    await tx.evidenceControl.createMany({
      data: ids.map((controlId) => ({ evidenceId: id, controlId })),
    });
    const reviewState = ev.reviewState === "accepted" ? "in_review" : ev.reviewState;
    if (reviewState !== ev.reviewState)
      await tx.evidence.update({
        where: { id },
        data: { reviewState, reviewedById: null, reviewedAt: null, reviewComment: null },
      });
    const refs = await tx.control.findMany({ where: { id: { in: ids } }, select: { ref: true } });
    await recordActivity(tx, actor, {
      action: "evidence.relink",
      entityType: "evidence",
      entityId: id,
      summary: `Linked evidence "${ev.title}" to ${
        refs
          .map((r) => r.ref)
          .sort()
          .join(", ") || "no control"
      }${reviewState !== ev.reviewState ? "; it needs a new review" : ""}`,
      before: {
        controls: ev.controls.map((c) => c.control.ref).sort(),
        reviewState: ev.reviewState,
      },
      after: { controls: refs.map((r) => r.ref).sort(), reviewState },
    });
    return { needsReview: reviewState !== ev.reviewState };
  });
}

/** File content for download; every read is recorded, so auditors' downloads are on file. */
export async function readRevision(actor: Actor | null, evidenceId: string, number: number) {
  authorize(actor, "evidence.read");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    const rev = await tx.evidenceRevision.findUnique({
      where: { evidenceId_number: { evidenceId, number } },
      select: {
        fileName: true,
        contentType: true,
        sha256: true,
        evidence: { select: { title: true } },
        blob: { select: { content: true } },
      },
    });
    if (!rev) throw notFound("No such revision.");
    await recordActivity(tx, actor, {
      action: "evidence.download",
      entityType: "evidence",
      entityId: evidenceId,
      summary: `${actor.email} (${actorRole(actor)}) downloaded revision ${number} of "${rev.evidence.title}" (${rev.fileName})`,
      after: { revision: number, sha256: rev.sha256 },
    });
    return {
      fileName: rev.fileName,
      contentType: rev.contentType,
      sha256: rev.sha256,
      content: rev.blob.content,
    };
  });
}
