import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/audit-events/route";
import { db } from "@/lib/db";
import { createControl } from "@/lib/controls/controls";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { makeUser } from "@/lib/testing/fixtures";
import { createToken } from "../tokens";
import { addExpectedEvent } from "./expected-events";
import { drawSample } from "./population";

const DAY = 86_400_000;
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
    const { token } = await createToken(prisma, admin, {
      name: "app",
      scopes: ["ingest"],
      expiresAt: null,
    });
    const day = new Date("2026-11-10T08:00:00Z");
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
      where: { action_day: { action: "login", day: new Date("2026-11-10T00:00:00Z") } },
    });
    expect(daily.count).toBe(2);
    const before = await prisma.auditEvent.count();
    const bad = await send(`${jsonl([{ at: day, action: "logout" }])}\n{"action":"login"}`, token);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/Line 2: no valid time/);
    expect(await prisma.auditEvent.count()).toBe(before);
    expect((await send(body, "tb_wrong")).status).toBe(401);
  });

  it("a control expecting login_failed shows the silence, and recovers when events flow again", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
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
    let s = (await computeWorkspaceStatus(prisma)).controls.get(c.id)!;
    expect(s.reasons.map((r) => r.text)).toContain(
      "No `login_failed` events recorded at all (expected at least every 7 days)",
    );
    const { token } = await createToken(prisma, admin, {
      name: "app2",
      scopes: ["ingest"],
      expiresAt: null,
    });
    await send(jsonl([{ at: new Date(Date.now() - 31 * DAY), action: "login_failed" }]), token);
    s = (await computeWorkspaceStatus(prisma)).controls.get(c.id)!;
    const since = new Date(Date.now() - 31 * DAY).toISOString().slice(0, 10);
    expect(s.reasons.map((r) => r.text)).toContain(
      `No \`login_failed\` events since ${since} (silence tolerated: 7 days)`,
    );
    expect(s.status === "at_risk" || s.status === "gap").toBe(true);
    await send(jsonl([{ at: new Date(Date.now() - DAY), action: "login_failed" }]), token);
    s = (await computeWorkspaceStatus(prisma)).controls.get(c.id)!;
    expect(s.reasons.some((r) => r.text.includes("login_failed"))).toBe(false);
  });

  it("draws a reproducible sample from the population", async () => {
    const admin = await makeUser("admin");
    const auditor = await makeUser("auditor");
    const prisma = await db();
    const { token } = await createToken(prisma, admin, {
      name: "app3",
      scopes: ["ingest"],
      expiresAt: null,
    });
    const base = new Date("2026-09-01T00:00:00Z").getTime();
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
      from: "2026-09-01",
      to: "2026-09-30",
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
  });
});
