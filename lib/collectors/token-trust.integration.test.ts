// Issue 10, point 5: what a token may push, claim and date, and who answers for it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postResults } from "@/app/api/v1/test-results/route";
import { POST as postEvents } from "@/app/api/v1/audit-events/route";
import { POST as postFinding } from "@/app/api/v1/findings/route";
import { db } from "@/lib/db";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { makeControl, makeToken, makeUser } from "@/lib/testing/fixtures";
import { addDays } from "@/lib/dates";
import { takeOverToken, type NewToken } from "./tokens";

vi.mock("@/lib/auth/index", () => ({ auth: async () => null }));

const request = (url: string, token: string, body: string, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1${url}`, {
    method: "POST",
    body,
    headers: { authorization: `Bearer ${token}`, ...headers },
  });

const results = (token: string, body: string, headers: Record<string, string> = {}) =>
  postResults(
    request("/api/v1/test-results", token, body, { "content-type": "application/xml", ...headers }),
  );

let n = 0;
const junit = (at: Date, tags: string[]) => `<?xml version="1.0"?>
<testsuite name="trust ${++n}" tests="1" timestamp="${at.toISOString().slice(0, 19)}">
  <properties><property name="soc2" value="${tags.join(",")}"/></properties>
  <testcase classname="Trust" name="case ${n}" time="0.1"/>
</testsuite>`;

async function control(title: string, criteria: string[]) {
  return makeControl(await makeUser("admin"), { title, criteria });
}

async function token(input: Partial<NewToken> = {}) {
  const admin = await makeUser("admin");
  return { ...(await makeToken(admin, input)), admin };
}

describe("API tokens (issue 10)", () => {
  // Opening the database (PGlite's migrations, the catalog bootstrap) takes seconds, and on a
  // loaded machine more than a minute: done here, under the hook timeout, it no longer eats the
  // first test's 60 s (where it made "push only the streams of their scopes" time out).
  beforeAll(async () => {
    await db();
  });

  it("push only the streams of their scopes", async () => {
    const { token: ci } = await token({ scopes: ["test-results"] });
    const events = await postEvents(
      request(
        "/api/v1/audit-events",
        ci,
        '{"timestamp":"2026-01-01T00:00:00Z","action":"login"}\n',
      ),
    );
    expect(events.status).toBe(403);
    const finding = await postFinding(
      request("/api/v1/findings", ci, JSON.stringify({ title: "x", priority: "P3" }), {
        "content-type": "application/json",
      }),
    );
    expect(finding.status).toBe(403);
    expect((await results(ci, junit(new Date(), []))).status).toBe(201);
  });

  it("expire after a year unless told otherwise", async () => {
    const before = new Date();
    const { id } = await token();
    const row = await (await db()).apiToken.findUniqueOrThrow({ where: { id } });
    const days = (row.expiresAt.getTime() - before.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(364.9);
    expect(days).toBeLessThan(365.1);
  });

  it("bound to controls and a source: other tags are ignored and reported, another source refused", async () => {
    const allowed = await control("Trust allowed", ["PI1.3"]);
    const other = await control("Trust other", ["PI1.2"]);
    const { token: ci, id } = await token({ source: "ci-trust", evidences: [allowed.ref] });
    const refused = await results(ci, junit(new Date(), [allowed.ref]), {
      "x-trustboard-source": "someone-else",
    });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toMatch(/only report source "ci-trust"/);

    const res = await results(ci, junit(new Date(), [allowed.ref, other.ref, "PI1.2"]));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.mapped.controls).toEqual([allowed.ref]);
    expect(body.ignoredTags).toEqual([other.ref, "PI1.2"].sort());
    const prisma = await db();
    const evidence = await prisma.evidence.findMany({ where: { testRunId: body.runId } });
    expect(evidence).toHaveLength(1);
    expect(evidence[0]).toMatchObject({ tokenId: id, source: "ci-trust", reviewState: "accepted" });
    const run = await prisma.testRun.findUniqueOrThrow({ where: { id: body.runId } });
    expect(run).toMatchObject({ tokenId: id, source: "ci-trust" });
  });

  it("store runs dated in the future or past the freshness window, but not as current evidence", async () => {
    const c = await control("Trust freshness", ["PI1.4"]);
    const { token: ci } = await token();
    const future = await results(ci, junit(addDays(new Date(), 3), [c.ref]));
    expect(future.status).toBe(201);
    const f = await future.json();
    expect(f.notCurrent).toMatchObject({
      controls: [c.ref],
      reason: expect.stringMatching(/future/),
    });
    const old = await (await results(ci, junit(addDays(new Date(), -30), [c.ref]))).json();
    expect(old.notCurrent.reason).toMatch(/older than the control's 7-day freshness window/);

    const prisma = await db();
    const stored = await prisma.evidence.findMany({
      where: { testRunId: { in: [f.runId, old.runId] } },
      select: { reviewState: true, notCurrentReason: true },
    });
    expect(stored).toHaveLength(2);
    for (const e of stored) {
      expect(e.reviewState).toBe("in_review");
      expect(e.notCurrentReason).toBeTruthy();
    }
    const runs = await prisma.testRun.findMany({ where: { id: { in: [f.runId, old.runId] } } });
    expect(runs.every((r) => r.notCurrentReason)).toBe(true);

    const admin = await makeUser("admin");
    const status = await computeWorkspaceStatus(admin);
    const texts = status.controls
      .get(c.id)!
      .reasons.map((r) => r.text)
      .join("\n");
    expect(texts).toMatch(
      /does not count as current evidence because the run is dated .* in the future/,
    );
    expect(status.controls.get(c.id)!.status).not.toBe("met");
  });

  it("bound to controls and a source: a finding links only those and keeps its source", async () => {
    const allowed = await control("Trust finding allowed", ["PI1.3"]);
    const other = await control("Trust finding other", ["PI1.2"]);
    const { token: scanner } = await token({
      scopes: ["findings"],
      source: "scanner-trust",
      evidences: [allowed.ref, "PI1.3"],
    });
    const push = (body: object) =>
      postFinding(
        request("/api/v1/findings", scanner, JSON.stringify(body), {
          "content-type": "application/json",
        }),
      );
    const refused = await push({ title: "x", priority: "P0", source: "someone-else" });
    expect(refused.status).toBe(403);

    const res = await push({
      title: `Bound finding ${Date.now()}`,
      priority: "P0",
      controls: [allowed.ref, other.ref],
      criteria: ["PI1.3", "PI1.2"],
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.ignoredTags).toEqual([other.ref, "PI1.2"].sort());
    const item = await (
      await db()
    ).backlogItem.findUniqueOrThrow({
      where: { key: body.key },
      include: { controls: true, criteria: true },
    });
    expect(item.controls.map((c) => c.controlId)).toEqual([allowed.id]);
    expect(item.criteria.map((c) => c.criterionId)).toEqual(["PI1.3"]);
    expect(item.originNote).toMatch(/^Pushed by scanner-trust /);
  });

  it("stop working when their administrator is deactivated or demoted, until another takes them over", async () => {
    const prisma = await db();
    const { token: ci, id, admin: creator } = await token();
    const ok = () => results(ci, junit(new Date(), []));
    expect((await ok()).status).toBe(201);

    await prisma.user.update({ where: { id: creator.id }, data: { active: false } });
    const off = await ok();
    expect(off.status).toBe(401);
    expect((await off.json()).error).toMatch(/was deactivated.*take it over/);

    await prisma.user.update({
      where: { id: creator.id },
      data: { active: true, role: "engineer" },
    });
    const demoted = await ok();
    expect(demoted.status).toBe(401);
    expect((await demoted.json()).error).toMatch(/no longer an administrator/);

    const successor = await makeUser("admin");
    await takeOverToken(successor, id);
    expect((await ok()).status).toBe(201);
    const log = await prisma.activity.findFirstOrThrow({
      where: { action: "token.take_over", entityId: id },
    });
    expect(log.actorEmail).toBe(successor.email);
    await expect(takeOverToken(successor, id)).rejects.toMatchObject({ code: "conflict" });
  });
});
