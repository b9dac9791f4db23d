// Property-based fuzzing of every route handler (app/api/**/route.ts, next-auth's own aside):
// whatever the parameters, query, headers and body, no answer is a 5xx, and a refused POST
// (any 4xx) stores nothing — no run, case, event, item, evidence or activity row.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { createToken } from "@/lib/collectors/tokens";

// Session routes run as an administrator (the role that may call every one of them).
let admin: SessionUser;
vi.mock("@/lib/auth/session", () => ({
  resolveSession: async () => ({ user: admin }),
  mustEnrolFirst: async () => false,
}));
vi.mock("@/lib/auth/index", () => ({ auth: async () => null }));

const { POST: sample } = await import("@/app/api/audit/sample/route");
const { POST: backlogExport } = await import("@/app/api/backlog/export/route");
const { POST: revision } = await import("@/app/api/evidence/[id]/revisions/[number]/route");
const { POST: tableExport } = await import("@/app/api/export/[table]/route");
const { POST: auditEvents } = await import("@/app/api/v1/audit-events/route");
const { POST: findings } = await import("@/app/api/v1/findings/route");
const { POST: testResults } = await import("@/app/api/v1/test-results/route");

const TABLES = [
  "activity",
  "test_runs",
  "test_case_results",
  "audit_events",
  "audit_event_daily",
  "backlog_items",
  "evidence",
  "evidence_revisions",
];

async function counts(): Promise<Record<string, number>> {
  const prisma = await db();
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const [row] = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "${t}"`);
    out[t] = Number(row?.n ?? 0);
  }
  return out;
}

let token = "";
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

beforeAll(async () => {
  admin = await makeUser("admin");
  token = (
    await createToken(admin, {
      name: "fuzz",
      scopes: ["test-results", "audit-events", "findings"],
      expiresAt: null,
    })
  ).token;
});

/** Strings that break naive code: NUL, lone surrogates, huge digits, escapes, quotes. */
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "9".repeat(27),
    "-".repeat(36),
    "%E0%A4%A",
    "8.64e15",
    "1e308",
    "\"; filename*=UTF-8''evil.html",
    "constructor",
    "__proto__",
    "",
  ),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double().map(String),
);

const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, "");
const url = (path: string, query: Record<string, string>) => {
  const u = new URL(`http://127.0.0.1${path}`);
  for (const [k, v] of Object.entries(query)) u.searchParams.append(k, v);
  return u.toString();
};

/** A recorded download as the app's own download button sends it (same-origin POST). */
const download = (path: string, query: Record<string, string>) =>
  new Request(url(path, query), { method: "POST", headers: { origin: "http://127.0.0.1" } });

async function post(
  handler: (req: Request) => Promise<Response>,
  path: string,
  body: string,
  type: string,
  headers: Record<string, string> = {},
) {
  const before = await counts();
  const res = await handler(
    new Request(`http://127.0.0.1${path}`, {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${token}`, "content-type": type, ...headers },
    }),
  );
  expect(res.status, await res.clone().text()).toBeLessThan(500);
  if (res.status >= 400) expect(await counts()).toEqual(before);
  return res;
}

const timeValue = fc.oneof(
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(8.64e15, -8.64e15, 1e308, "+275760-09-13T00:00:00Z", "2026-01-01T00:00:00Z"),
  nasty,
);

describe("every route handler: no 5xx, and a refused body stores nothing", () => {
  it("POST /api/v1/audit-events", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            timestamp: timeValue,
            action: fc.oneof(fc.constantFrom("login", "login_failed"), nasty),
            user: nasty,
            extra: fc.jsonValue({ maxDepth: 2 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom("jsonl", "array", "csv"),
        async (events, shape) => {
          const body =
            shape === "jsonl"
              ? events.map((e) => JSON.stringify(e)).join("\n")
              : shape === "array"
                ? JSON.stringify(events)
                : `timestamp,action,user\n${events.map((e) => [e.timestamp, e.action, e.user].map((v) => `"${String(v).replaceAll('"', '""')}"`).join(",")).join("\n")}`;
          await post(auditEvents, "/api/v1/audit-events", body, "application/x-ndjson");
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST /api/v1/test-results", async () => {
    const ctrf = fc
      .record({
        name: nasty,
        status: fc.oneof(fc.constantFrom("passed", "failed", "skipped", "pending", "other"), nasty),
        duration: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(1e308)),
        message: nasty,
        tags: fc.array(nasty, { maxLength: 2 }),
      })
      .map((t) =>
        JSON.stringify({
          results: {
            tool: { name: "fuzz" },
            summary: { tests: 1, passed: 0, failed: 0, skipped: 0, pending: 0, other: 0 },
            tests: [t],
          },
        }),
      );
    const esc = (s: string) =>
      s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\u0000/g, "&#0;");
    const junit = fc
      .record({ name: nasty, time: nasty, prop: nasty, message: nasty })
      .map(
        (c) =>
          `<testsuite name="s"><properties><property name="soc2" value="${esc(c.prop)}"/></properties><testcase name="${esc(c.name)}" time="${esc(c.time)}"><failure message="${esc(c.message)}"/></testcase></testsuite>`,
      );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(ctrf, junit, nasty),
        nasty,
        fc.constantFrom("application/json", "application/xml", "text/plain", "image/png"),
        async (body, commit, type) => {
          await post(
            testResults,
            url("/api/v1/test-results", { branch: commit }).slice("http://127.0.0.1".length),
            body,
            type,
            {
              "x-trustboard-commit": headerSafe(commit),
            },
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("POST /api/v1/findings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          fc
            .record({
              title: nasty,
              priority: fc.oneof(fc.constantFrom("P0", "P3"), nasty),
              key: nasty,
              description: nasty,
              controls: fc.array(nasty, { maxLength: 2 }),
              criteria: fc.array(nasty, { maxLength: 2 }),
              dueDate: nasty,
            })
            .map((v) => JSON.stringify(v)),
          nasty,
        ),
        async (body) => {
          await post(findings, "/api/v1/findings", body, "application/json");
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("download routes (POST) for signed-in users, with any parameters", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.uuid().map(String), nasty),
        nasty,
        fc.dictionary(
          fc.constantFrom(
            "criterion",
            "action",
            "from",
            "to",
            "n",
            "seed",
            "priority",
            "status",
            "owner",
            "overdue",
          ),
          nasty,
        ),
        async (id, number, query) => {
          const responses = await Promise.all([
            revision(download(`/api/evidence/x/revisions/y`, {}), {
              params: Promise.resolve({ id, number }),
            }),
            tableExport(download("/api/export/x", {}), {
              params: Promise.resolve({ table: number }),
            }),
            sample(download("/api/audit/sample", query), { params: Promise.resolve({}) }),
            backlogExport(download("/api/backlog/export", query), {
              params: Promise.resolve({}),
            }),
          ]);
          for (const r of responses) expect(r.status).toBeLessThan(500);
          const disposition = responses[2]?.headers.get("content-disposition") ?? "";
          if (responses[2]?.status === 200)
            expect(disposition).toMatch(
              /^attachment; filename="[^"\\;=*]*"; filename\*=UTF-8''[^\s;"]*$/,
            );
        },
      ),
      { numRuns: RUNS },
    );
  });
});
