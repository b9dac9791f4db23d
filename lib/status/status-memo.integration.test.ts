import { dedupeKeyOf } from "@/lib/collectors/audit/dedupe-key";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addDays, isoDay, startOfUtcDay } from "@/lib/dates";
import { makeControl, makeNoteEvidence, makeUser } from "@/lib/testing/fixtures";
import { setCriterionControls, updateControl } from "@/lib/controls/controls";
import { reviewEvidence } from "@/lib/evidence/evidence";
import { createBacklogItem } from "@/lib/backlog/backlog-writes";
import { backlogSchema } from "@/lib/backlog/schemas";
import { ingestTestResults } from "@/lib/collectors/test-results/ingest";
import { storeAuditEvents } from "@/lib/collectors/audit/ingest";
import { addExpectedEvent } from "@/lib/collectors/audit/expected-events";
import { createOverride } from "@/lib/status/overrides";
import { workspaceStatus } from "./workspace-status";
import { computeWorkspaceStatus, type WorkspaceStatus } from "./compute";
import { PARTS, type Part } from "./status-inputs";

const junit = (ref: string) => `<?xml version="1.0"?>
<testsuite name="isolation" tests="1" timestamp="${new Date().toISOString().slice(0, 19)}">
  <properties><property name="control" value="${ref}"/></properties>
  <testcase classname="isolation" name="test_rls"><failure>x</failure></testcase>
</testsuite>`;

const event = (occurredAt: Date, key: string, action = "login_failed") => ({
  occurredAtMs: occurredAt.getTime(),
  action,
  actor: null,
  organisation: null,
  ip: null,
  outcome: "failure",
  target: null,
  metadataJson: null,
  dedupeKey: dedupeKeyOf(key, occurredAt.toISOString()),
});

describe("memoised status (workspaceStatus)", () => {
  it("is computed again after each kind of write, and only then", async () => {
    const admin = await makeUser("admin");
    const auditor = await makeUser("auditor");
    const status = () => workspaceStatus(auditor, new Date());
    const prisma = await db();
    const versions = async () =>
      Object.fromEntries(
        (
          await prisma.$queryRaw<{ id: number; version: bigint }[]>`
            SELECT "id", "version" FROM "status_data_version"`
        ).map((r) => [r.id, r.version]),
      );
    // Each step: a write that moves the data version of the parts named, then a new computation
    // that shows it (the parts that did not move come from the kept input, and the result is
    // the same as a computation from scratch); the one after it is memoised.
    let last: WorkspaceStatus = await status();
    let lastVersions = await versions();
    const changed = async (...parts: Part[]) => {
      const now = new Date();
      const next = await workspaceStatus(auditor, now);
      expect(next).not.toBe(last);
      expect(await workspaceStatus(auditor, now)).toBe(next);
      expect(next).toEqual(await computeWorkspaceStatus(auditor, now));
      const moved = await versions();
      expect(
        Object.keys(PARTS).filter(
          (p) => moved[PARTS[p as Part]] !== lastVersions[PARTS[p as Part]],
        ),
      ).toEqual(parts);
      last = next;
      lastVersions = moved;
      return next;
    };
    expect(await status()).toBe(last);

    // Control edit.
    const c = await makeControl(admin, {
      title: "Tenant isolation",
      ownerId: admin.id,
      criteria: ["CC6.1"],
    });
    expect((await changed("core")).controls.get(c.id)?.status).toBe("gap");
    await updateControl(admin, c.id, {
      title: "Tenant isolation (RLS)",
      description: "",
      ownerId: admin.id,
      implementation: "implemented",
      naJustification: null,
      locations: [],
      criteria: ["CC6.1"],
    });
    expect((await changed("core")).controls.get(c.id)?.reasons[0]?.text).toContain(
      "Tenant isolation (RLS)",
    );

    // Evidence, then its review.
    const ev = await makeNoteEvidence(admin, {
      title: "Isolation tests",
      body: "8/8",
      controls: [c.id],
    });
    expect((await changed("core")).controls.get(c.id)?.status).toBe("gap");
    await reviewEvidence(admin, ev.id, "accept", "");
    expect((await changed("core")).controls.get(c.id)?.status).toBe("met");

    // Mapping change (a criterion's controls).
    await setCriterionControls(admin, "C1.2", [c.id]);
    expect((await changed("core")).criterionControls.get("C1.2")).toEqual([c.id]);

    // Test run ingest: a failing mapped test puts the control at risk (its evidence is core).
    await ingestTestResults(admin, junit(c.ref), { via: "upload", source: "ci", commit: "c1" });
    expect((await changed("core", "tests")).controls.get(c.id)?.status).toBe("at_risk");

    // Audit events: an expectation never met, then the events that meet it.
    const monitor = await makeControl(admin, {
      title: "Failed login monitoring",
      ownerId: admin.id,
      criteria: ["CC7.2"],
    });
    await changed("core");
    await addExpectedEvent(admin, {
      controlId: monitor.id,
      action: "login_failed",
      maxSilenceDays: 7,
    });
    const silent = (s: WorkspaceStatus) =>
      s.controls.get(monitor.id)?.reasons.some((r) => r.text.includes("`login_failed`"));
    expect(silent(await changed("audit"))).toBe(true);
    const seen = new Date();
    await storeAuditEvents(admin, [event(seen, "memo-1")], "test");
    expect(silent(await changed("audit"))).toBe(false);
    // Events that change nothing status makes of them (another of the same action on the same
    // day, one of an action no control expects): the audit part moved, the status holds, and a
    // computation from scratch agrees with it.
    await storeAuditEvents(
      admin,
      [event(seen, "memo-2"), event(seen, "memo-3", "report_viewed")],
      "test",
    );
    expect(await status()).toBe(last);
    const fresh = await computeWorkspaceStatus(auditor, new Date());
    expect([fresh.controls, fresh.criteria, fresh.coverage]).toEqual([
      last.controls,
      last.criteria,
      last.coverage,
    ]);
    const audited = await versions();
    expect(audited[PARTS.audit]).not.toBe(lastVersions[PARTS.audit]);
    lastVersions = audited;

    // Backlog change: an open P0 item linked to the control is a gap.
    await createBacklogItem(
      admin,
      backlogSchema.parse({ title: "RLS missing", priority: "P0", controls: [c.id] }),
    );
    expect((await changed("backlog")).controls.get(c.id)?.status).toBe("gap");

    // An override.
    await createOverride(admin, {
      targetType: "criterion",
      targetId: "C1.2",
      status: "at_risk",
      justification: "Manual disposal log reviewed monthly",
      until: isoDay(addDays(new Date(), 10)),
    });
    expect((await changed("core")).criteria.get("C1.2")?.overridden).toBe(true);

    // Any writer, not only the app's functions: the version moves in the database.
    await prisma.$executeRaw`UPDATE "controls" SET "implementation" = 'not_started' WHERE id = ${c.id}::uuid`;
    expect((await changed("core")).controls.get(c.id)?.status).toBe("not_started");

    // A rolled-back write changes nothing, and the status stays memoised.
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.control.update({ where: { id: c.id }, data: { title: "never" } });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await status()).toBe(last);
  });

  it("shares one computation between concurrent requests", async () => {
    const auditor = await makeUser("auditor");
    const [a, b] = await Promise.all([
      workspaceStatus(auditor, new Date()),
      workspaceStatus(auditor, new Date()),
    ]);
    expect(a).toBe(b);
  });

  it("is computed again when time passes a boundary of the result", async () => {
    const admin = await makeUser("admin");
    const auditor = await makeUser("auditor");
    const today = startOfUtcDay(new Date());
    const at = (d: Date) => workspaceStatus(auditor, d);

    // Next UTC midnight.
    const noon = new Date(today.getTime() + 12 * 3_600_000);
    const s0 = await at(noon);
    expect(await at(new Date(today.getTime() + 86_400_000 - 1))).toBe(s0);
    expect(await at(addDays(today, 1))).not.toBe(s0);

    // An evidence item expiring: memoised up to the instant before, recomputed at it.
    const c = await makeControl(admin, {
      title: "Access review",
      ownerId: admin.id,
      criteria: ["CC6.2"],
    });
    const expires = addDays(today, 3);
    const ev = await makeNoteEvidence(admin, {
      title: "Q review",
      body: "done",
      evidenceDate: isoDay(today),
      expiresOn: isoDay(expires),
      controls: [c.id],
    });
    await reviewEvidence(admin, ev.id, "accept", "");
    // Clocks on the expiry day itself, so midnight is not the boundary that moves.
    const s1 = await at(addDays(today, 2));
    expect(s1.controls.get(c.id)?.status).toBe("met");
    expect(s1.validUntil).toEqual(expires);
    expect(await at(new Date(expires.getTime() - 1))).toBe(s1);
    const s2 = await at(expires);
    expect(s2).not.toBe(s1);
    expect(s2.controls.get(c.id)?.status).toBe("at_risk");
    expect(s2.controls.get(c.id)?.reasons.map((r) => r.text)).toContain(
      `Evidence "Q review" expired on ${isoDay(expires)}`,
    );

    // An expected event type going silent: memoised through the tolerance, recomputed past it.
    const m = await makeControl(admin, {
      title: "Monitoring",
      ownerId: admin.id,
      criteria: ["CC7.3"],
    });
    // An action of its own (the test above stored login_failed events).
    await addExpectedEvent(admin, { controlId: m.id, action: "backup_run", maxSilenceDays: 2 });
    const lastEvent = new Date(today.getTime() + 3 * 3_600_000 + 17);
    await storeAuditEvents(admin, [event(lastEvent, "memo-silence", "backup_run")], "test");
    const quietUntil = new Date(lastEvent.getTime() + 2 * 86_400_000);
    const silent = (s: WorkspaceStatus) =>
      s.controls.get(m.id)?.reasons.some((r) => r.text.includes("`backup_run`"));
    const s3 = await at(new Date(quietUntil.getTime() - 3_600_000));
    expect(silent(s3)).toBe(false);
    expect(await at(quietUntil)).toBe(s3);
    const s4 = await at(new Date(quietUntil.getTime() + 1));
    expect(s4).not.toBe(s3);
    expect(silent(s4)).toBe(true);
    // Nothing was loaded again (no part moved): judged against the new time all the same.
    expect(s4).toEqual(await computeWorkspaceStatus(auditor, new Date(quietUntil.getTime() + 1)));
  });
});
