import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/audit-events/route";
import { db } from "@/lib/db";
import { addDays, startOfUtcDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { createToken } from "../tokens";

// The route is a token route: no session is read, and next-auth is not loaded under test.
vi.mock("@/lib/auth/index", () => ({ auth: async () => null }));

const enc = new TextEncoder();

/** A body arriving in pieces of `size` bytes, as a large upload does. */
function streamed(text: string, size: number): ReadableStream<Uint8Array> {
  const bytes = enc.encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + size));
      at += size;
    },
  });
}

async function send(body: ReadableStream<Uint8Array>, token: string) {
  return POST(
    new Request("http://127.0.0.1/api/v1/audit-events", {
      method: "POST",
      body,
      duplex: "half",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
    } as RequestInit),
  );
}

function lines(n: number, tag: string, day: Date): string[] {
  return Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      timestamp: new Date(day.getTime() + i * 1000).toISOString(),
      action: i % 2 ? "login" : "logout",
      user_email: `u${i % 50}@x.io`,
      request_id: `${tag}-${i}`,
    }),
  );
}

describe("POST /api/v1/audit-events streamed into COPY", () => {
  it("a bad line in the middle of a large body: 400 naming it, nothing stored", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const { token } = await createToken(admin, {
      name: "s1",
      scopes: ["audit-events"],
      expiresAt: null,
    });
    const day = startOfUtcDay(addDays(new Date(), -3));
    const body = lines(40_000, "bad", day);
    body[25_000] = '{"action":"login","user":"x"}';
    const events = await prisma.auditEvent.count();
    const daily = await prisma.auditEventDaily.count();
    const activity = await prisma.activity.count();
    const res = await send(streamed(body.join("\n"), 65_536), token);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: "invalid",
      error: expect.stringMatching(/^Line 25001: no valid time/),
    });
    expect(await prisma.auditEvent.count()).toBe(events);
    expect(await prisma.auditEventDaily.count()).toBe(daily);
    expect(await prisma.activity.count({ where: { action: "audit_events.ingest" } })).toBe(0);
    // The connection that carried the aborted COPY is fine for the next body.
    const ok = await send(streamed(lines(3, "after", day).join("\n"), 100), token);
    expect(ok.status).toBe(201);
    expect(await prisma.activity.count()).toBeGreaterThan(activity);
  });

  it("a line with an unpaired surrogate (which jsonb refuses): 400 naming it, nothing stored", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const { token } = await createToken(admin, {
      name: "s-surrogate",
      scopes: ["audit-events"],
      expiresAt: null,
    });
    const day = startOfUtcDay(addDays(new Date(), -3));
    const body = lines(3, "surrogate", day);
    // As JSON text: the escape of half a surrogate pair, in a nested metadata value.
    body[2] = body[2]!.replace(/}$/, ',"detail":{"note":"a\\ud800b"}}');
    const events = await prisma.auditEvent.count();
    const res = await send(streamed(body.join("\n"), 100), token);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: "invalid",
      error: expect.stringMatching(/^Line 3, field "detail.note": .*unpaired surrogate/),
    });
    expect(await prisma.auditEvent.count()).toBe(events);
  });

  it("stores a record's other fields as its metadata, whatever their nesting or characters", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const { token } = await createToken(admin, {
      name: "s-metadata",
      scopes: ["audit-events"],
      expiresAt: null,
    });
    const at = startOfUtcDay(addDays(new Date(), -6)).toISOString();
    const tag = `meta-${Math.random()}`;
    const record = {
      time: at,
      action: "login",
      user: tag,
      timestamp: "a second alias of the time, kept as metadata",
      "2": "an integer-like key",
      zeta: { b: [1, { d: null, c: "x" }], a: true },
      text: 'back\\slash, "quotes",\ttab and\nnewline, é 😀',
    };
    const res = await send(streamed(`${JSON.stringify(record)}\n`, 7), token);
    expect(res.status).toBe(201);
    const [stored] = await prisma.auditEvent.findMany({ where: { actor: tag } });
    const { time: _time, action: _action, user: _user, ...rest } = record;
    expect(stored?.metadata).toEqual(rest);
    expect(stored?.occurredAt.toISOString()).toBe(at);
  });

  it("accepts a large body in odd-sized pieces: every event stored once, counted, logged", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const { token } = await createToken(admin, {
      name: "s2",
      scopes: ["audit-events"],
      expiresAt: null,
    });
    const day = startOfUtcDay(addDays(new Date(), -2));
    const n = 60_000;
    const body = `\uFEFF${lines(n, "big", day).join("\r\n")}\r\n`;
    const before = await prisma.auditEvent.count();
    const res = await send(streamed(body, 40_001), token);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      received: n,
      stored: n,
      duplicates: 0,
      actions: ["login", "logout"],
    });
    expect(await prisma.auditEvent.count()).toBe(before + n);
    const counted = await prisma.auditEventDaily.aggregate({
      _sum: { count: true },
      where: { day: { gte: day, lt: addDays(day, 1) } },
    });
    expect(counted._sum.count).toBe(n);
    const logged = await prisma.activity.findFirstOrThrow({
      where: { action: "audit_events.ingest" },
      orderBy: { seq: "desc" },
    });
    expect(logged.summary).toContain(`${n} received, ${n} new, 0 already known`);
    // The same body again: all known, nothing added.
    const again = await send(streamed(body, 65_536), token);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ received: n, stored: 0, duplicates: n });
    expect(await prisma.auditEvent.count()).toBe(before + n);
  });

  it("a record repeated in a later chunk of the same body is stored and counted once", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const { token } = await createToken(admin, {
      name: "s3",
      scopes: ["audit-events"],
      expiresAt: null,
    });
    const day = startOfUtcDay(addDays(new Date(), -4));
    // Over 2 MB of COPY text: staged and moved as more than one chunk.
    const body = lines(20_000, "again", day);
    body.push(body[0] ?? "");
    const before = await prisma.auditEvent.count();
    const res = await send(streamed(body.join("\n"), 65_536), token);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ received: 20_001, stored: 20_000, duplicates: 1 });
    expect(await prisma.auditEvent.count()).toBe(before + 20_000);
    const counted = await prisma.auditEventDaily.aggregate({
      _sum: { count: true },
      where: { day: { gte: day, lt: addDays(day, 1) } },
    });
    expect(counted._sum.count).toBe(20_000);
  });

  it("a record repeated within one chunk, beside known ones, is stored and counted once", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const { token } = await createToken(admin, {
      name: "s4",
      scopes: ["audit-events"],
      expiresAt: null,
    });
    const day = startOfUtcDay(addDays(new Date(), -5));
    const known = lines(10, "known", day);
    expect((await send(streamed(known.join("\n"), 65_536), token)).status).toBe(201);
    // One small chunk: its plain insert meets the repeated key and is undone; the chunk is moved
    // again skipping known keys one by one.
    const fresh = lines(5, "within", day);
    const body = [...known.slice(0, 3), fresh[0]!, ...fresh, fresh[4]!].join("\n");
    const before = await prisma.auditEvent.count();
    const res = await send(streamed(body, 65_536), token);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ received: 10, stored: 5, duplicates: 5 });
    expect(await prisma.auditEvent.count()).toBe(before + 5);
    const counted = await prisma.auditEventDaily.aggregate({
      _sum: { count: true },
      where: { day: { gte: day, lt: addDays(day, 1) } },
    });
    expect(counted._sum.count).toBe(15);
  });
});
