import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/audit-events/route";
import { db } from "@/lib/db";
import { createControl } from "@/lib/controls/controls";
import { addDays, DAY_MS, isoDay, startOfUtcDay } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { makeUser } from "@/lib/testing/fixtures";
import { createToken } from "../tokens";
import { addExpectedEvent } from "./expected-events";
import { storeAuditEvents } from "./ingest";
import { parseAuditEvents } from "./parse";
import { pullProgress, pullSource } from "./pg-source";
import { drawSample } from "./population";
import { sampleSchema } from "./schemas";

// The route is a token route: no session is read, and next-auth is not loaded under test.
vi.mock("@/lib/auth/index", () => ({ auth: async () => null }));

const DAY = DAY_MS;
const iso = (d: Date) => d.toISOString();

function jsonl(events: { at: Date; action: string; actor?: string }[]) {
  return events
    .map((e) =>
      JSON.stringify({
        timestamp: iso(e.at),
        action: e.action,
        user_email: e.actor ?? "a@x.io",
        ip_address: "10.0.0.1",
      }),
    )
    .join("\n");
}

async function send(body: string, token: string) {
  return POST(
    new Request("http://127.0.0.1/api/v1/audit-events", {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
    }),
  );
}

describe("audit events", () => {
  it("stores events once, keeps daily counts, and refuses a bad file whole", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const { token } = await createToken(admin, {
      name: "app",
      scopes: ["test-results", "audit-events", "findings"],
      expiresAt: null,
    });
    const midnight = startOfUtcDay(addDays(new Date(), -20));
    const day = new Date(midnight.getTime() + 8 * 3_600_000);
    const body = jsonl([
      { at: day, action: "login" },
      { at: new Date(day.getTime() + 3_600_000), action: "login", actor: "b@x.io" },
      { at: new Date(day.getTime() + DAY), action: "permission_changed" },
    ]);
    const first = await send(body, token);
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ received: 3, stored: 3, duplicates: 0 });
    const again = await send(body, token);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ stored: 0, duplicates: 3 });
    const daily = await prisma.auditEventDaily.findUniqueOrThrow({
      where: { action_day: { action: "login", day: midnight } },
    });
    expect(daily.count).toBe(2);
    expect(daily.lastAt).toEqual(new Date(day.getTime() + 3_600_000));
    // A later push with an earlier event of the same day counts it and keeps the day's latest.
    expect((await send(jsonl([{ at: midnight, action: "login" }]), token)).status).toBe(201);
    expect(
      await prisma.auditEventDaily.findUniqueOrThrow({
        where: { action_day: { action: "login", day: midnight } },
      }),
    ).toMatchObject({ count: 3, lastAt: new Date(day.getTime() + 3_600_000) });
    const before = await prisma.auditEvent.count();
    const bad = await send(`${jsonl([{ at: day, action: "logout" }])}\n{"action":"login"}`, token);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: "invalid",
      error: expect.stringMatching(/Line 2: no valid time/),
    });
    expect(await prisma.auditEvent.count()).toBe(before);
    expect((await send(body, "tb_wrong")).status).toBe(401);
  });

  it("a control expecting login_failed shows the silence, and recovers when events flow again", async () => {
    const admin = await makeUser("admin");
    const c = await createControl(admin, {
      title: "Failed login monitoring",
      description: "",
      ownerId: null,
      implementation: "implemented",
      naJustification: null,
      locations: [],
      criteria: ["CC7.2"],
    });
    await addExpectedEvent(admin, { controlId: c.id, action: "login_failed", maxSilenceDays: 7 });
    let s = (await computeWorkspaceStatus(admin)).controls.get(c.id)!;
    expect(s.reasons.map((r) => r.text)).toContain(
      "No `login_failed` events recorded at all (expected at least every 7 days)",
    );
    const { token } = await createToken(admin, {
      name: "app2",
      scopes: ["test-results", "audit-events", "findings"],
      expiresAt: null,
    });
    await send(jsonl([{ at: new Date(Date.now() - 31 * DAY), action: "login_failed" }]), token);
    s = (await computeWorkspaceStatus(admin)).controls.get(c.id)!;
    const since = isoDay(new Date(Date.now() - 31 * DAY));
    expect(s.reasons.map((r) => r.text)).toContain(
      `No \`login_failed\` events since ${since} (silence tolerated: 7 days)`,
    );
    expect(s.status === "at_risk" || s.status === "gap").toBe(true);
    await send(jsonl([{ at: new Date(Date.now() - DAY), action: "login_failed" }]), token);
    s = (await computeWorkspaceStatus(admin)).controls.get(c.id)!;
    expect(s.reasons.some((r) => r.text.includes("login_failed"))).toBe(false);
  });

  it("draws a reproducible sample from the population", async () => {
    const admin = await makeUser("admin");
    const auditor = await makeUser("auditor");
    const prisma = await db();
    const { token } = await createToken(admin, {
      name: "app3",
      scopes: ["test-results", "audit-events", "findings"],
      expiresAt: null,
    });
    const first = startOfUtcDay(addDays(new Date(), -60));
    const base = first.getTime();
    await send(
      jsonl(
        Array.from({ length: 120 }, (_, i) => ({
          at: new Date(base + i * 3_600_000),
          action: "user_suspended",
          actor: `u${i}@x.io`,
        })),
      ),
      token,
    );
    const req = {
      criterion: "CC6.3",
      action: "user_suspended",
      from: isoDay(first),
      to: isoDay(addDays(first, 29)),
      n: 10,
      seed: "audit-2026",
    };
    const a = await drawSample(auditor, req);
    const b = await drawSample(auditor, req);
    const c = await drawSample(auditor, { ...req, seed: "other" });
    expect(a.population).toBe(120);
    expect(a.sample).toHaveLength(10);
    expect(a.sample.map((e) => e.id)).toEqual(b.sample.map((e) => e.id));
    expect(c.sample.map((e) => e.id)).not.toEqual(a.sample.map((e) => e.id));
    expect(
      await prisma.activity.count({
        where: { action: "audit_events.sample", actorEmail: auditor.email },
      }),
    ).toBe(3);

    // For a weekly control: 5 events suggested, one per fifth of the period first, reproducibly.
    const weekly = await createControl(admin, {
      title: "Weekly suspension review",
      description: "",
      ownerId: null,
      implementation: "implemented",
      naJustification: null,
      frequency: "weekly",
      locations: [],
      criteria: ["CC6.3"],
    });
    const spreadReq = { ...req, to: isoDay(addDays(first, 4)), n: null, control: weekly.id };
    const s1 = await drawSample(auditor, spreadReq);
    const s2 = await drawSample(auditor, spreadReq);
    expect(s1.suggested).toEqual({ n: 5, frequency: "weekly" });
    expect(s1.sample).toHaveLength(5);
    expect(s1.sample.map((e) => e.id)).toEqual(s2.sample.map((e) => e.id));
    // 120 hourly events over five days: one event from each day.
    expect(new Set(s1.sample.map((e) => isoDay(e.occurredAt))).size).toBe(5);
  });

  it("summarises the events stored since the last summary before it reads a population", async () => {
    const auditor = await makeUser("auditor");
    const prisma = await db();
    // Enough events for several of the BRIN index's block ranges (128 pages each).
    await prisma.$executeRaw`
      INSERT INTO "audit_events" ("occurred_at", "action", "actor")
      SELECT now() - g * interval '1 second', 'brin_probe', 'probe-' || g FROM generate_series(1, 30000) g`;
    const today = isoDay(new Date());
    const r = await drawSample(auditor, {
      criterion: "CC6.3",
      action: "brin_probe",
      from: isoDay(addDays(new Date(), -1)),
      to: today,
      n: 5,
      seed: "brin",
    });
    expect(r.population).toBe(30000);
    expect(r.sample).toHaveLength(5);
    // Nothing left to summarise: PGlite has no autovacuum, so the draw did it.
    const [left] = await prisma.$queryRaw<{ n: number }[]>`
      SELECT brin_summarize_new_values('"audit_events_occurred_at_idx"'::regclass)::int AS n`;
    expect(left?.n).toBe(0);
  });

  it("checks the actor in the data layer itself: a refused call changes nothing", async () => {
    const admin = await makeUser("admin");
    const auditor = await makeUser("auditor");
    const expired = await makeUser("auditor", { expires: new Date(Date.now() - DAY) });
    const prisma = await db();
    const events = parseAuditEvents(
      jsonl([{ at: new Date(Date.now() - DAY), action: "mfa_enabled" }]),
    );
    const before = await prisma.auditEvent.count();
    await expect(storeAuditEvents(auditor, events, "test")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(storeAuditEvents(null, events, "test")).rejects.toMatchObject({
      code: "unauthenticated",
    });
    expect(await prisma.auditEvent.count()).toBe(before);

    const id = crypto.randomUUID();
    expect(pullProgress(auditor, id)).toBeNull();
    expect(() => pullProgress(null, id)).toThrow(AppError);
    expect(() => pullProgress(expired, id)).toThrow(/auditor access has ended/);
    await expect(pullSource(auditor, id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(pullSource(admin, id)).rejects.toMatchObject({ code: "not_found" });

    const req = sampleSchema.parse({
      criterion: "CC6.1",
      action: "mfa_enabled",
      from: isoDay(addDays(new Date(), -7)),
      to: isoDay(new Date()),
    });
    await expect(drawSample(expired, req)).rejects.toMatchObject({ code: "forbidden" });
    expect(
      await prisma.activity.count({
        where: { action: "audit_events.sample", actorEmail: expired.email },
      }),
    ).toBe(0);
  });
});
