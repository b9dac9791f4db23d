import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { WORKSPACE_ID } from "./id";
import { ALWAYS_IN_SCOPE } from "@/lib/catalog/criteria";
import { parseIsoDay } from "@/lib/dates";
import { invalid } from "@/lib/errors";
import type { CriterionCategory } from "@/lib/generated/prisma/enums";

export interface WorkspaceSettings {
  name: string;
  categoriesInScope: CriterionCategory[];
  auditPeriodStart: Date | null;
  auditPeriodEnd: Date | null;
}

export async function getWorkspace(actor: Actor | null): Promise<WorkspaceSettings> {
  authorize(actor, "workspace.read");
  const ws = await (
    await db()
  ).workspace.findUniqueOrThrow({
    where: { id: WORKSPACE_ID },
    select: { name: true, categoriesInScope: true, auditPeriodStart: true, auditPeriodEnd: true },
  });
  return ws;
}

export async function setCategoriesInScope(
  actor: Actor | null,
  categories: CriterionCategory[],
): Promise<void> {
  authorize(actor, "workspace.configure");
  const next = Array.from(new Set<CriterionCategory>([ALWAYS_IN_SCOPE, ...categories])).sort();
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: WORKSPACE_ID },
      select: { categoriesInScope: true },
    });
    if ([...before.categoriesInScope].sort().join() === next.join()) return;
    await tx.workspace.update({ where: { id: WORKSPACE_ID }, data: { categoriesInScope: next } });
    await recordActivity(tx, actor, {
      action: "workspace.scope",
      entityType: "workspace",
      entityId: String(WORKSPACE_ID),
      summary: `Categories in scope: ${next.join(", ")}`,
      before: { categoriesInScope: before.categoriesInScope },
      after: { categoriesInScope: next },
    });
  });
}

export async function setAuditPeriod(
  actor: Actor | null,
  start: string | null,
  end: string | null,
): Promise<void> {
  authorize(actor, "workspace.configure");
  const toDate = (d: string | null, field: string) => {
    if (!d) return null;
    const at = parseIsoDay(d);
    if (!at) throw invalid("Use a real date (YYYY-MM-DD)", field);
    return at;
  };
  const data = { auditPeriodStart: toDate(start, "start"), auditPeriodEnd: toDate(end, "end") };
  const prisma = await db();
  await prisma.$transaction(async (tx) => {
    const before = await tx.workspace.findUniqueOrThrow({
      where: { id: WORKSPACE_ID },
      select: { auditPeriodStart: true, auditPeriodEnd: true },
    });
    await tx.workspace.update({
      where: { id: WORKSPACE_ID },
      data,
    });
    await recordActivity(tx, actor, {
      action: "workspace.audit_period",
      entityType: "workspace",
      entityId: String(WORKSPACE_ID),
      summary: start && end ? `Audit period set to ${start} – ${end}` : "Audit period cleared",
      before,
      after: { auditPeriodStart: start, auditPeriodEnd: end },
    });
  });
}
