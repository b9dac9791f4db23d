import "server-only";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { DAY_MS, isoDay } from "@/lib/dates";
import { resolveExpiry } from "@/lib/status/expiry";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewState } from "@/lib/generated/prisma/enums";

export interface EvidenceRow {
  id: string;
  title: string;
  kind: string;
  state: ReviewState;
  evidenceDate: string;
  expiresOn: string | null;
  daysToExpiry: number | null;
  controls: string;
  criteria: string;
  revisions: number;
}

/** What a row of the library reads (Prisma select). */
export const EVIDENCE_ROW_SELECT = {
  id: true,
  title: true,
  kind: true,
  reviewState: true,
  evidenceDate: true,
  expiresOn: true,
  renewalDays: true,
  _count: { select: { revisions: true } },
  controls: {
    select: { control: { select: { ref: true, criteria: { select: { criterionId: true } } } } },
  },
} satisfies Prisma.EvidenceSelect;

type SelectedEvidence = Prisma.EvidenceGetPayload<{ select: typeof EVIDENCE_ROW_SELECT }>;

/** "state" shows expired once the expiry has passed, whatever the review said. */
export function toEvidenceRow(r: SelectedEvidence, now: Date): EvidenceRow {
  const expiry = resolveExpiry(r);
  const expired = expiry !== null && expiry <= now;
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    state: expired ? "expired" : r.reviewState,
    evidenceDate: isoDay(r.evidenceDate),
    expiresOn: expiry ? isoDay(expiry) : null,
    daysToExpiry: expiry ? Math.ceil((expiry.getTime() - now.getTime()) / DAY_MS) : null,
    controls: r.controls
      .map((c) => c.control.ref)
      .sort()
      .join(", "),
    criteria: [...new Set(r.controls.flatMap((c) => c.control.criteria.map((x) => x.criterionId)))]
      .sort()
      .join(", "),
    revisions: r._count.revisions,
  };
}

/** The whole evidence library (the CSV export); the page reads one page (evidence-page.ts). */
export async function listEvidence(actor: Actor | null, now = new Date()): Promise<EvidenceRow[]> {
  authorize(actor, "evidence.read");
  const rows = await (
    await db()
  ).evidence.findMany({ orderBy: { evidenceDate: "desc" }, select: EVIDENCE_ROW_SELECT });
  return rows.map((r) => toEvidenceRow(r, now));
}

export async function getEvidence(actor: Actor | null, id: string) {
  authorize(actor, "evidence.read");
  return (await db()).evidence.findUnique({
    where: { id },
    include: {
      createdBy: { select: { email: true } },
      reviewedBy: { select: { email: true } },
      token: { select: { name: true, prefix: true } },
      controls: { select: { control: { select: { id: true, ref: true, title: true } } } },
      revisions: {
        orderBy: { number: "desc" },
        select: {
          number: true,
          fileName: true,
          contentType: true,
          size: true,
          sha256: true,
          secretFindings: true,
          redacted: true,
          scanNote: true,
          uploadedAt: true,
          uploadedBy: { select: { email: true } },
        },
      },
    },
  });
}

/** Evidence to pick from when linking (newest first, capped: a picker, not a library). */
export async function evidenceOptions(
  actor: Actor | null,
): Promise<{ id: string; title: string }[]> {
  authorize(actor, "evidence.read");
  return (await db()).evidence.findMany({
    orderBy: [{ evidenceDate: "desc" }, { createdAt: "desc" }],
    take: 500,
    select: { id: true, title: true },
  });
}
