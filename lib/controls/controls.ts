import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { conflict, notFound } from "@/lib/errors";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import type { Tx } from "@/lib/db/tx";
import type { ControlFrequency, ImplementationStatus } from "@/lib/generated/prisma/enums";
import type { ControlInput } from "./schemas";
import { assertCriteriaExist } from "@/lib/criteria/assert-criteria";

async function nextRef(tx: Tx): Promise<string> {
  const rows = await tx.$queryRaw<
    { n: number | null }[]
  >`SELECT max(substring(ref from 5)::int) AS n FROM "controls" WHERE ref ~ '^CTL-[0-9]+$'`;
  return `CTL-${String((rows[0]?.n ?? 0) + 1).padStart(3, "0")}`;
}

function snapshot(input: ControlInput) {
  return {
    ...input,
    frequency: input.frequency ?? null,
    locations: input.locations,
    criteria: [...input.criteria].sort(),
  };
}

export async function createControl(
  actor: Actor | null,
  input: ControlInput,
  ref?: string,
): Promise<{ id: string; ref: string }> {
  authorize(actor, "controls.write");
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    await assertCriteriaExist(tx, input.criteria);
    const finalRef = ref ?? (await nextRef(tx));
    const { criteria, ...fields } = input;
    const control = await tx.control.create({
      data: {
        ...fields,
        ref: finalRef,
        criteria: { create: [...new Set(criteria)].map((criterionId) => ({ criterionId })) },
      },
    });
    await recordActivity(tx, actor, {
      action: "control.create",
      entityType: "control",
      entityId: control.id,
      summary: `Created control ${finalRef} "${input.title}"${criteria.length ? ` mapped to ${criteria.join(", ")}` : ""}`,
      after: snapshot(input),
    });
    return { id: control.id, ref: finalRef };
  });
}

export async function updateControl(
  actor: Actor | null,
  id: string,
  input: ControlInput,
): Promise<void> {
  authorize(actor, "controls.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const before = await tx.control.findUnique({ where: { id }, include: { criteria: true } });
    if (!before) throw notFound("That control no longer exists.");
    if (before.archivedAt) throw conflict("Archived controls cannot be edited; restore it first.");
    await assertCriteriaExist(tx, input.criteria);
    const { criteria, ...fields } = input;
    await tx.control.update({
      where: { id },
      data: { ...fields, frequency: fields.frequency ?? null },
    });
    await tx.controlCriterion.deleteMany({ where: { controlId: id } });
    await tx.controlCriterion.createMany({
      data: [...new Set(criteria)].map((criterionId) => ({ controlId: id, criterionId })),
    });
    await recordActivity(tx, actor, {
      action: "control.update",
      entityType: "control",
      entityId: id,
      summary: `Updated control ${before.ref} "${input.title}"`,
      before: {
        title: before.title,
        description: before.description,
        ownerId: before.ownerId,
        implementation: before.implementation,
        naJustification: before.naJustification,
        frequency: before.frequency,
        locations: before.locations,
        criteria: before.criteria.map((c) => c.criterionId).sort(),
      },
      after: snapshot(input),
    });
  });
}

export async function setControlArchived(
  actor: Actor | null,
  id: string,
  archived: boolean,
): Promise<void> {
  authorize(actor, "controls.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const c = await tx.control.findUnique({
      where: { id },
      select: { ref: true, title: true, archivedAt: true },
    });
    if (!c) throw notFound("That control no longer exists.");
    if (Boolean(c.archivedAt) === archived) return;
    await tx.control.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
    await recordActivity(tx, actor, {
      action: archived ? "control.archive" : "control.restore",
      entityType: "control",
      entityId: id,
      summary: `${archived ? "Archived" : "Restored"} control ${c.ref} "${c.title}"`,
    });
  });
}

export interface ControlListRow {
  id: string;
  ref: string;
  title: string;
  implementation: ImplementationStatus;
  frequency: ControlFrequency | null;
  ownerId: string | null;
  ownerName: string | null;
  criteria: string[];
  archived: boolean;
  evidenceCount: number;
}

export async function listControls(
  actor: Actor | null,
  opts: { includeArchived?: boolean } = {},
): Promise<ControlListRow[]> {
  authorize(actor, "workspace.read");
  const rows = await (
    await db()
  ).control.findMany({
    where: opts.includeArchived ? {} : { archivedAt: null },
    orderBy: { ref: "asc" },
    select: {
      id: true,
      ref: true,
      title: true,
      implementation: true,
      frequency: true,
      ownerId: true,
      archivedAt: true,
      owner: { select: { name: true } },
      criteria: { select: { criterionId: true } },
      _count: { select: { evidence: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    title: r.title,
    implementation: r.implementation,
    frequency: r.frequency,
    ownerId: r.ownerId,
    ownerName: r.owner?.name ?? null,
    criteria: r.criteria.map((c) => c.criterionId).sort(),
    archived: r.archivedAt !== null,
    evidenceCount: r._count.evidence,
  }));
}

/**
 * The active controls as choices in a form (id, ref, title; by ref). Forms need no owners,
 * criteria or evidence counts: on PGlite those made listControls most of the /tests page.
 */
export async function listControlOptions(
  actor: Actor | null,
): Promise<{ id: string; ref: string; title: string }[]> {
  authorize(actor, "workspace.read");
  return (await db()).control.findMany({
    where: { archivedAt: null },
    orderBy: { ref: "asc" },
    select: { id: true, ref: true, title: true },
  });
}

export async function getControl(actor: Actor | null, id: string) {
  authorize(actor, "workspace.read");
  const prisma = await db();
  const [control, evidence] = await Promise.all([
    prisma.control.findUnique({
      where: { id },
      include: {
        owner: { select: { id: true, name: true, email: true } },
        criteria: {
          select: { criterionId: true, criterion: { select: { title: true } } },
          orderBy: { criterionId: "asc" },
        },
        _count: { select: { evidence: true } },
      },
    }),
    // The newest evidence only: a control fed by nightly runs has hundreds of items (the library
    // lists them all, filtered to the control). In SQL: ordered through the relation, Prisma's
    // query took 11 ms on PGlite for a control with a year of nightly evidence, this one 1.
    prisma.$queryRaw<ControlEvidenceItem[]>`
      SELECT e."id", e."title", e."kind"::text AS "kind", e."review_state"::text AS "reviewState",
             e."evidence_date" AS "evidenceDate", e."expires_on" AS "expiresOn",
             e."renewal_days" AS "renewalDays"
      FROM "evidence_controls" ec JOIN "evidence" e ON e."id" = ec."evidence_id"
      WHERE ec."control_id" = ${id}::uuid
      ORDER BY e."evidence_date" DESC, e."created_at" DESC
      LIMIT ${CONTROL_EVIDENCE_SHOWN}`,
  ]);
  return control && { ...control, evidence: evidence.map((e) => ({ evidence: e })) };
}

interface ControlEvidenceItem {
  id: string;
  title: string;
  kind: string;
  reviewState: string;
  evidenceDate: Date;
  expiresOn: Date | null;
  renewalDays: number | null;
}

/** Evidence items a control's page lists (the newest). */
export const CONTROL_EVIDENCE_SHOWN = 20;

/** Owners to choose from: active admins and engineers. */
export async function listOwners(actor: Actor | null) {
  authorize(actor, "workspace.read");
  return (await db()).user.findMany({
    where: { active: true, role: { in: ["admin", "engineer"] } },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Mapping edited from the criterion's side: exactly these controls satisfy the criterion. */
export async function setCriterionControls(
  actor: Actor | null,
  criterionId: string,
  controlIds: string[],
): Promise<void> {
  authorize(actor, "controls.write");
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    if (!(await tx.criterion.count({ where: { id: criterionId } })))
      throw notFound("That criterion does not exist.");
    const wanted = [...new Set(controlIds)];
    if (
      wanted.length &&
      (await tx.control.count({ where: { id: { in: wanted }, archivedAt: null } })) !==
        wanted.length
    ) {
      throw notFound("One of the chosen controls does not exist or is archived.");
    }
    const before = (
      await tx.controlCriterion.findMany({ where: { criterionId }, select: { controlId: true } })
    ).map((r) => r.controlId);
    await tx.controlCriterion.deleteMany({ where: { criterionId, controlId: { notIn: wanted } } });
    await tx.controlCriterion.createMany({
      data: wanted.map((controlId) => ({ controlId, criterionId })),
      skipDuplicates: true,
    });
    await recordActivity(tx, actor, {
      action: "criterion.map",
      entityType: "criterion",
      entityId: criterionId,
      summary: `Mapped ${wanted.length} control(s) to ${criterionId}`,
      before: { controls: before.sort() },
      after: { controls: wanted.sort() },
    });
  });
}
