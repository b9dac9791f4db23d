import { describe, expect, it } from "vitest";
import { verifyActivityChain } from "@/lib/activity/verify";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { transitionBacklogItem } from "@/lib/backlog/backlog-writes";
import { createControl } from "@/lib/controls/controls";
import { db } from "@/lib/db";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { makeControl, makeUser } from "@/lib/testing/fixtures";
import { recordScan, type RecordScanInput, type ScanFindingInput } from "./record-scan";

const finding = (check: string, object: string, level: ScanFindingInput["level"] = "error") => ({
  key: `pg:${check}:${object}`,
  check,
  level,
  object,
  message: `${check} on ${object}`,
  remediation: `ALTER TABLE ${object} ENABLE ROW LEVEL SECURITY;`,
  criteria: ["CC6.1"],
});

const scanOf = (source: string, findings: ScanFindingInput[]): RecordScanInput => ({
  kind: "postgres",
  source,
  findings,
  criteria: ["CC6.1", "CC7.2"],
  report: {
    fileName: "posture.json",
    contentType: "application/json",
    bytes: new TextEncoder().encode(JSON.stringify({ findings })),
  },
});

async function itemFor(key: string) {
  const link = await (
    await db()
  ).scanFindingItem.findUniqueOrThrow({
    where: { key },
    select: {
      item: { select: { id: true, key: true, status: true, priority: true, origin: true } },
    },
  });
  return link.item;
}

describe("recordScan", () => {
  it(
    "stores the scan, its evidence and hash, diffs it, and keeps the backlog in step with the findings",
    { timeout: 240_000 },
    async () => {
      const admin = await makeUser("admin");
      const engineer = await makeUser("engineer");
      const auditor = await makeUser("auditor");
      const prisma = await db();
      const control = await createControl(admin, {
        title: "Tenant isolation in the database",
        description: "",
        ownerId: null,
        implementation: "implemented",
        naJustification: null,
        locations: [],
        criteria: ["CC6.1"],
      });
      const a = finding("rls_disabled", "public.orders");
      const b = finding("fk_unindexed", "public.lines.order_id", "warn");

      // Auditors and nobody may not record; nothing is stored.
      await expect(recordScan(auditor, scanOf("db1", [a]))).rejects.toMatchObject({
        code: "forbidden",
      });
      await expect(recordScan(null, scanOf("db1", [a]))).rejects.toMatchObject({
        code: "unauthenticated",
      });
      await expect(recordScan(engineer, scanOf("db1", [a, a]))).rejects.toMatchObject({
        code: "invalid",
      });
      await expect(
        recordScan(engineer, scanOf("db1", [{ ...a, criteria: ["CC99.9"] }])),
      ).rejects.toMatchObject({ code: "not_found" });
      expect(await prisma.scan.count()).toBe(0);

      const first = await recordScan(engineer, scanOf("db1", [a, b]));
      expect(first.diff).toEqual({ new: [a.key, b.key].sort(), fixed: [], stillOpen: [] });
      expect(first.backlog.created).toHaveLength(2);
      expect(first.reportSha256).toMatch(/^[0-9a-f]{64}$/);
      const itemA = await itemFor(a.key);
      expect(itemA).toMatchObject({ status: "open", priority: "P1", origin: "collector" });
      expect((await itemFor(b.key)).priority).toBe("P2");

      // The report is automated evidence on the control mapped to CC6.1, with its SHA-256.
      const scan = await prisma.scan.findUniqueOrThrow({ where: { id: first.scanId } });
      const evidence = await prisma.evidence.findUniqueOrThrow({
        where: { id: scan.evidenceId! },
        include: { controls: true, revisions: true },
      });
      expect(evidence).toMatchObject({ kind: "automated", reviewState: "accepted" });
      expect(evidence.controls.map((c) => c.controlId)).toEqual([control.id]);
      expect(evidence.revisions[0]).toMatchObject({
        sha256: first.reportSha256,
        fileName: "posture.json",
        uploadedById: engineer.id,
      });
      // The open P1 item, linked to CC6.1, holds the criterion at risk.
      const status = await computeWorkspaceStatus(admin);
      expect(status.criteria.get("CC6.1")!.status).toBe("at_risk");

      // Same findings again: idempotent by key, nothing new.
      const again = await recordScan(CLI_ACTOR, scanOf("db1", [a, b]));
      expect(again.diff).toEqual({ new: [], fixed: [], stillOpen: [a.key, b.key].sort() });
      expect(again.backlog).toEqual({ created: [], reopened: [], resolved: [] });
      expect(await prisma.scanFindingItem.count()).toBe(2);

      // Another source has its own history.
      const other = await recordScan(CLI_ACTOR, scanOf("db2", [a]));
      expect(other.diff.new).toEqual([a.key]);
      expect(other.backlog.created).toEqual([]);

      // a is fixed: its item awaits verification, never verified by the scan.
      const fixed = await recordScan(CLI_ACTOR, scanOf("db1", [b]));
      expect(fixed.diff).toEqual({ new: [], fixed: [a.key], stillOpen: [b.key] });
      expect(fixed.backlog.resolved).toEqual([itemA.key]);
      const resolved = await prisma.backlogItem.findUniqueOrThrow({ where: { id: itemA.id } });
      expect(resolved).toMatchObject({ status: "resolved", resolvedById: null, verifiedAt: null });
      expect((await recordScan(CLI_ACTOR, scanOf("db1", [b]))).backlog.resolved).toEqual([]);
      expect((await itemFor(a.key)).status).toBe("resolved");

      // A person verifies it once the checklist is checked by someone.
      await prisma.backlogCheck.updateMany({
        where: { itemId: itemA.id },
        data: { checkedById: admin.id, checkedAt: new Date() },
      });
      await transitionBacklogItem(admin, { itemId: itemA.id, to: "verified", justification: "" });
      expect((await itemFor(a.key)).status).toBe("verified");

      // It comes back: the same item reopens (no duplicate), checklist unchecked again.
      const back = await recordScan(engineer, scanOf("db1", [a, b]));
      expect(back.diff.new).toEqual([a.key]);
      expect(back.backlog).toEqual({ created: [], reopened: [itemA.key], resolved: [] });
      expect((await itemFor(a.key)).status).toBe("open");
      expect(
        await prisma.backlogCheck.count({
          where: { itemId: itemA.id, checkedById: { not: null } },
        }),
      ).toBe(0);
      expect(await prisma.backlogItem.count({ where: { origin: "collector" } })).toBe(2);

      // Every recording left its activity row.
      expect(await prisma.activity.count({ where: { action: "scan.record" } })).toBe(
        await prisma.scan.count(),
      );
      const transitions = await prisma.backlogTransition.findMany({
        where: { itemId: itemA.id },
        orderBy: { at: "asc" },
        select: { to: true },
      });
      expect(transitions.map((t) => t.to)).toEqual(["open", "resolved", "verified", "open"]);
      // Items created in bulk keep the activity chain intact, one row per item.
      expect(await prisma.activity.count({ where: { action: "backlog.create" } })).toBe(2);
      expect((await verifyActivityChain(admin)).ok).toBe(true);
    },
  );

  it("records a clean scan as evidence on the scan's criteria, flagged when not representative", async () => {
    const admin = await makeUser("admin");
    const control = await createControl(admin, {
      title: "Audit trail",
      description: "",
      ownerId: null,
      implementation: "implemented",
      naJustification: null,
      locations: [],
      criteria: ["CC7.2"],
    });
    const r = await recordScan(admin, { ...scanOf("pglite", []), notRepresentative: true });
    const prisma = await db();
    const scan = await prisma.scan.findUniqueOrThrow({ where: { id: r.scanId } });
    expect(scan.notRepresentative).toBe(true);
    const ev = await prisma.evidence.findUniqueOrThrow({
      where: { id: scan.evidenceId! },
      include: { controls: true },
    });
    expect(ev.title).toContain("not representative");
    expect(ev.controls.map((c) => c.controlId)).toContain(control.id);
  });

  it("cuts a long finding's title without half of an emoji, and the activity chain verifies", async () => {
    const admin = await makeUser("admin");
    await makeControl(admin, { title: "Emoji titles", criteria: ["CC6.1"] });
    // 299 characters, then 🙂 (two UTF-16 units): a cut at 300 would keep its first half.
    const message = `${"m".repeat(299)}🙂 and more`;
    const long = { ...finding("rls_disabled", "public.emoji"), message };
    await recordScan(admin, scanOf("emoji-db", [long]));
    const item = await (
      await db()
    ).backlogItem.findUniqueOrThrow({ where: { id: (await itemFor(long.key)).id } });
    expect(item.title).toBe("m".repeat(299));
    expect((await verifyActivityChain(admin)).ok).toBe(true);
  });
});
