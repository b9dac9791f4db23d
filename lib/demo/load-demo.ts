// The demo workspace, built from the SOC 2 controls-mapping seed: its 15 criteria with their
// implementation items as controls, the evidence it lists inside a 6-month audit period,
// and demo engineer/auditor accounts with generated passwords.
import { randomBytes } from "node:crypto";
import { conflict } from "@/lib/errors";
import { db } from "@/lib/db";
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { addDays, isoDay, startOfUtcDay } from "@/lib/dates";
import { WORKSPACE_ID } from "@/lib/workspace/id";
import { recordActivity } from "@/lib/activity/record";
import { insertUser } from "@/lib/users/insert-user";
import { SEED_MAPPING } from "./seed-mapping";
import { demoJUnit } from "./demo-test-runs";
import { ingestTestResults } from "@/lib/collectors/test-results/ingest";
import { storeAuditEvents } from "@/lib/collectors/audit/ingest";
import { SILENT_ACTION, demoAuditEvents } from "./demo-audit-events";
import { loadDemoRemediation } from "./load-remediation";
import {
  QUARTERLY_REVIEW_CONTROL,
  addQuarterlyReviews,
  insertNightlyHistory,
} from "./demo-coverage";

export const DEMO_ENGINEER = "engineer@demo.trustboard.local";
export const DEMO_AUDITOR = "auditor@demo.trustboard.local";

// "⚠️ Partial" in the seed's summary: backup configuration is still to do.
const IN_PROGRESS = new Set(["Database Backups"]);
// Evidence the seed marks as not there yet.
const FUTURE = /\(future\)/i;

export interface DemoResult {
  controls: number;
  evidence: number;
  testRuns: number;
  auditEvents: number;
  phases: number;
  backlogItems: number;
  accounts: { email: string; role: string; password: string | null }[];
  period: { start: string; end: string };
}

function password(): string {
  return randomBytes(15).toString("base64url");
}

function evidenceTitle(line: string): { title: string; body: string } {
  const [label = "", ...rest] = line.split(":");
  const detail = rest.join(":").trim().replace(/`/g, "");
  return {
    title: detail ? `${label.trim()}: ${detail}`.slice(0, 200) : label.trim(),
    body: line.replace(/`/g, ""),
  };
}

export async function loadDemo(actor: Actor | null, now = new Date()): Promise<DemoResult> {
  authorize(actor, "demo.load");
  const prisma = await db();
  const counts = await Promise.all([
    prisma.control.count(),
    prisma.evidence.count(),
    prisma.phase.count(),
    prisma.backlogItem.count(),
  ]);
  if (counts.some((n) => n > 0)) {
    throw conflict(
      "The workspace already has controls, evidence, phases or backlog items; the demo is only loaded into an empty workspace.",
    );
  }
  const today = startOfUtcDay(now);
  const start = addDays(today, -150);
  const end = addDays(start, 182);
  const accounts: DemoResult["accounts"] = [];

  const result = await prisma.$transaction(
    async (tx) => {
      for (const [email, role, name] of [
        [DEMO_ENGINEER, "engineer", "Demo Engineer"],
        [DEMO_AUDITOR, "auditor", "Demo Auditor"],
      ] as const) {
        if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
          accounts.push({ email, role, password: null });
          continue;
        }
        const pw = password();
        await insertUser(
          tx,
          actor,
          {
            email,
            name,
            role,
            password: pw,
            accessExpiresAt: role === "auditor" ? addDays(end, 1) : null,
          },
          "demo workspace",
        );
        accounts.push({ email, role, password: pw });
      }
      const owner = await tx.user.findUniqueOrThrow({
        where: { email: DEMO_ENGINEER },
        select: { id: true },
      });
      await tx.workspace.update({
        where: { id: WORKSPACE_ID },
        data: {
          auditPeriodStart: start,
          auditPeriodEnd: end,
          categoriesInScope: [
            "security",
            "availability",
            "processing_integrity",
            "confidentiality",
          ],
        },
      });

      // One control per distinct implementation item; an item listed under several criteria maps to all of them.
      const byTitle = new Map<
        string,
        { description: string[]; locations: Set<string>; criteria: Set<string> }
      >();
      for (const c of SEED_MAPPING) {
        for (const item of c.items) {
          const entry = byTitle.get(item.title) ?? {
            description: [],
            locations: new Set<string>(),
            criteria: new Set<string>(),
          };
          entry.description.push(...item.points.filter((p) => !entry.description.includes(p)));
          item.locations.forEach((l) => entry.locations.add(l));
          entry.criteria.add(c.id);
          byTitle.set(item.title, entry);
        }
      }
      const controlIds = new Map<string, string>();
      let n = 0;
      for (const [title, e] of byTitle) {
        n += 1;
        const control = await tx.control.create({
          data: {
            ref: `CTL-${String(n).padStart(3, "0")}`,
            title,
            description: e.description.join("\n"),
            ownerId: owner.id,
            // In place since the start of the period, so coverage judges all of it.
            createdAt: start,
            implementation: IN_PROGRESS.has(title) ? "in_progress" : "implemented",
            locations: [...e.locations],
            criteria: { create: [...e.criteria].map((criterionId) => ({ criterionId })) },
          },
        });
        controlIds.set(title, control.id);
      }

      // The evidence each criterion lists, dated across the period and accepted by the officer.
      let evidenceCount = 0;
      for (const [i, c] of SEED_MAPPING.entries()) {
        const controls = c.items.map((item) => controlIds.get(item.title)!);
        for (const [j, line] of c.evidence.entries()) {
          if (FUTURE.test(line)) continue;
          const { title, body } = evidenceTitle(line);
          const evidenceDate = addDays(start, ((i * 7 + j * 13) % 140) + 5);
          await tx.evidence.create({
            data: {
              title: `${c.id} — ${title}`.slice(0, 300),
              kind: "note",
              body,
              evidenceDate,
              renewalDays: 365,
              reviewState: "accepted",
              reviewedById: actor.id ?? owner.id,
              reviewedAt: addDays(evidenceDate, 1),
              createdById: owner.id,
              controls: { create: controls.map((controlId) => ({ controlId })) },
            },
          });
          evidenceCount += 1;
        }
      }
      const reviews = controlIds.get(QUARTERLY_REVIEW_CONTROL);
      if (reviews)
        evidenceCount += await addQuarterlyReviews(tx, reviews, actor.id ?? owner.id, {
          start,
          today,
        });
      const history = await insertNightlyHistory(actor, tx, controlIds, today, 150, 4, now);
      const remediation = await loadDemoRemediation(tx, actor, owner.id, now);
      await recordActivity(tx, actor, {
        action: "demo.load",
        entityType: "workspace",
        entityId: String(WORKSPACE_ID),
        summary: `Loaded the demo workspace: ${byTitle.size} controls, ${evidenceCount} evidence items, ${remediation.phases} phases, ${remediation.backlogItems} backlog items, audit period ${isoDay(start)} – ${isoDay(end)}`,
      });
      return {
        controls: byTitle.size,
        evidence: evidenceCount,
        testRuns: history,
        auditEvents: 0,
        ...remediation,
        accounts,
        period: { start: isoDay(start), end: isoDay(end) },
      };
    },
    { timeout: 60_000 },
  );
  // Nightly CI since the period began (tenant isolation missing for a month), then the three
  // nights of the seed, ingested like any other: tenant isolation recovers from 6/8 to 7/8.
  const refs = new Map(
    (await prisma.control.findMany({ select: { title: true, ref: true } })).map((c) => [
      c.title,
      c.ref,
    ]),
  );
  const nights: [daysAgo: number, extraFailures: Map<string, string[]>][] = [
    [3, new Map([["TestTenantIsolation", ["test_superuser_bypass_logged"]]])],
    [2, new Map()],
    [1, new Map()],
  ];
  for (const [i, [daysAgo, extra]] of nights.entries()) {
    const at = new Date(addDays(today, -daysAgo).getTime() + 2 * 3_600_000);
    await ingestTestResults(
      actor,
      demoJUnit(at, refs, extra),
      {
        source: "nightly CI",
        commit: `demo${(i + 1).toString().padStart(3, "0")}`,
        fileName: "pytest-junit.xml",
        via: "upload",
      },
      now,
    );
  }
  // The application's audit log, and what the controls expect of it.
  const audit = await storeAuditEvents(actor, demoAuditEvents(today), "demo");
  const expectations: [string, string, number][] = [
    ["Failed Login Monitoring", SILENT_ACTION, 7],
    ["Permission Change Logging", "permission_changed", 14],
    ["Registration Audit Trail", "user_registered", 7],
  ];
  for (const [title, action, maxSilenceDays] of expectations) {
    const control = await prisma.control.findFirst({ where: { title }, select: { id: true } });
    if (control)
      await prisma.expectedEvent.create({
        data: { controlId: control.id, action, maxSilenceDays },
      });
  }
  return { ...result, testRuns: result.testRuns + nights.length, auditEvents: audit.stored };
}
