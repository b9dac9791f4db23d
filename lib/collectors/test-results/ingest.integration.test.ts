import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/test-results/route";
import { db } from "@/lib/db";
import { createControl } from "@/lib/controls/controls";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { makeUser } from "@/lib/testing/fixtures";
import { TEST_RESULT_FIXTURES } from "@/lib/testing/fixture-path";
import { addDays, isoDay } from "@/lib/dates";
import { createToken, revokeToken, type TokenScope } from "../tokens";
import { ingestTestResults } from "./ingest";

const FIXTURES = TEST_RESULT_FIXTURES;
const fixture = (f: string) => readFileSync(path.join(FIXTURES, f), "utf8");

// next-auth does not load outside Next.js; a token route never asks for a session anyway.
vi.mock("@/lib/auth/index", () => ({ auth: async () => null }));

function post(body: BodyInit, headers: Record<string, string>) {
  return POST(
    new Request("http://127.0.0.1/api/v1/test-results", { method: "POST", body, headers }),
  );
}

async function token(scopes: TokenScope[] = ["test-results"], expiresAt: Date | null = null) {
  const admin = await makeUser("admin");
  return (await createToken(admin, { name: `ci-${Math.random()}`, scopes, expiresAt })).token;
}

const junit = (time: string, failing: boolean) => `<?xml version="1.0"?>
<testsuite name="tenant isolation" tests="2" timestamp="${time}">
  <properties><property name="soc2" value="CC6.1"/></properties>
  <testcase classname="TestTenantIsolation" name="test_cross_org_read" time="0.1">${failing ? '<failure message="org B saw org A">AssertionError</failure>' : ""}</testcase>
  <testcase classname="TestTenantIsolation" name="test_suspended_membership_denies_access" time="0.1"/>
</testsuite>`;

describe("POST /api/v1/test-results", () => {
  it.each([
    ["no token", undefined, 401, /Missing token/],
    ["an unknown token", "Bearer tb_nope", 401, /Unknown token/],
  ])("refuses %s", async (_label, header, status, message) => {
    const res = await post("<testsuite/>", header ? { authorization: header } : {});
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(message);
  });

  it("refuses revoked, expired and wrongly scoped tokens", async () => {
    const admin = await makeUser("admin");
    const revoked = await createToken(admin, {
      name: "old",
      scopes: ["test-results"],
      expiresAt: null,
    });
    expect(await revokeToken(admin, revoked.id)).toBe(true);
    expect(await revokeToken(admin, revoked.id)).toBe(false);
    expect((await post("<testsuite/>", { authorization: `Bearer ${revoked.token}` })).status).toBe(
      401,
    );
    const expired = await token(["test-results"], new Date(Date.now() - 1000));
    const res = await post("<testsuite/>", { authorization: `Bearer ${expired}` });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatch(/expired/);
    const scopeless = await token([]);
    expect((await post("<testsuite/>", { authorization: `Bearer ${scopeless}` })).status).toBe(403);
  });

  it("ingests a fixture, answers 201 with totals, then 200 with the same run for a duplicate", async () => {
    const t = await token();
    const body = fixture("python/pytest.xml");
    const first = await post(body, {
      authorization: `Bearer ${t}`,
      "content-type": "application/xml",
      "x-trustboard-commit": "abc123",
    });
    expect(first.status).toBe(201);
    const json = await first.json();
    expect(json.totals).toEqual({
      tests: 10,
      passed: 6,
      failed: 2,
      errored: 0,
      skipped: 2,
      flaky: 0,
    });
    const again = await post(body, {
      authorization: `Bearer ${t}`,
      "content-type": "application/xml",
    });
    expect(again.status).toBe(200);
    expect((await again.json()).runId).toBe(json.runId);
    const prisma = await db();
    expect(await prisma.testCaseResult.count({ where: { runId: json.runId } })).toBe(10);
    expect(
      (await prisma.apiToken.findFirstOrThrow({ where: { lastUsedAt: { not: null } } })).lastUsedAt,
    ).not.toBeNull();
  });

  it("accepts multipart and CTRF, and refuses the corrupt file storing nothing", async () => {
    const t = await token();
    const form = new FormData();
    form.set(
      "file",
      new File([fixture("ctrf/comprehensive.json")], "ctrf.json", { type: "application/json" }),
    );
    form.set("source", "playwright");
    const res = await post(form, { authorization: `Bearer ${t}` });
    expect(res.status).toBe(201);
    expect((await res.json()).totals).toMatchObject({ tests: 3, failed: 1, flaky: 1 });
    const prisma = await db();
    const runs = await prisma.testRun.count();
    const bad = await post(fixture("edge/corrupt.xml"), {
      authorization: `Bearer ${t}`,
      "content-type": "text/xml",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/Not well-formed XML/);
    expect(await prisma.testRun.count()).toBe(runs);
    expect(
      (await post("x", { authorization: `Bearer ${t}`, "content-type": "image/png" })).status,
    ).toBe(415);
  });
});

describe("test results drive control status", () => {
  it("failing mapped tests put the control at risk, naming them; a later green run clears it", async () => {
    const admin = await makeUser("admin");
    const control = await createControl(admin, {
      title: "Tenant isolation (tests)",
      description: "",
      ownerId: null,
      implementation: "implemented",
      naJustification: null,
      locations: [],
      criteria: ["CC6.1"],
    });
    const t = await token();
    // Runs dated relative to now: the control counts a run only within its 7-day freshness window.
    const redAt = addDays(new Date(), -2);
    const red = await post(junit(redAt.toISOString(), true), {
      authorization: `Bearer ${t}`,
      "content-type": "text/xml",
    });
    expect((await red.json()).mapped.controls).toContain(control.ref);
    const prisma = await db();
    let status = (await computeWorkspaceStatus(admin)).controls.get(control.id)!;
    expect(status.status).toBe("at_risk");
    expect(status.reasons[0]?.text).toBe(
      "1 of 2 mapped tests failing in the latest run: test_cross_org_read",
    );
    const evidence = await prisma.evidence.findFirstOrThrow({
      where: { kind: "automated", controls: { some: { controlId: control.id } } },
    });
    expect(evidence.title).toMatch(/^Tests 1\/2 passing/);
    expect(isoDay(evidence.expiresOn!)).toBe(isoDay(addDays(redAt, 7))); // 7-day freshness window

    await post(junit(addDays(new Date(), -1).toISOString(), false), {
      authorization: `Bearer ${t}`,
      "content-type": "text/xml",
    });
    status = (await computeWorkspaceStatus(admin)).controls.get(control.id)!;
    expect(status.status).toBe("met");
  });
});

describe("run metadata and error codes of the API", () => {
  it("takes metadata from the form, a header or the query string, and refuses a bad one naming the field", async () => {
    const t = await token();
    const body = junit(new Date().toISOString(), false).replace(
      "tenant isolation",
      `meta ${Math.random()}`,
    );
    const res = await POST(
      new Request("http://127.0.0.1/api/v1/test-results?branch=main&commit=fromquery", {
        method: "POST",
        body,
        headers: {
          authorization: `Bearer ${t}`,
          "content-type": "text/xml",
          "x-trustboard-commit": "fromheader",
          "x-trustboard-ci-url": "https://ci.example.test/run/7",
        },
      }),
    );
    expect(res.status).toBe(201);
    const run = await (
      await db()
    ).testRun.findUniqueOrThrow({ where: { id: (await res.json()).runId } });
    expect(run).toMatchObject({
      commit: "fromheader",
      branch: "main",
      ciUrl: "https://ci.example.test/run/7",
    });

    const runs = await (await db()).testRun.count();
    const bad = await post(body.replace("meta", "other"), {
      authorization: `Bearer ${t}`,
      "content-type": "text/xml",
      "x-trustboard-ci-url": "ftp://ci.example.test/",
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: "invalid",
      field: "ciUrl",
      error: expect.stringMatching(/^Invalid ciUrl/),
    });
    const corrupt = await post(fixture("edge/corrupt.xml"), {
      authorization: `Bearer ${t}`,
      "content-type": "text/xml",
    });
    expect(await corrupt.json()).toMatchObject({ code: "invalid" });
    const big = await post("<testsuite/>", {
      authorization: `Bearer ${t}`,
      "content-type": "text/xml",
      "content-length": String(60 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    expect(await (await db()).testRun.count()).toBe(runs);
  });
});

describe("ingestTestResults authorizes its caller", () => {
  it("refuses an auditor and a missing actor, storing nothing; an engineer may ingest", async () => {
    const body = junit(new Date().toISOString(), false).replace(
      "tenant isolation",
      `authz ${Math.random()}`,
    );
    const prisma = await db();
    const runs = await prisma.testRun.count();
    await expect(
      ingestTestResults(await makeUser("auditor"), body, { via: "upload" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(ingestTestResults(null, body, { via: "upload" })).rejects.toMatchObject({
      code: "unauthenticated",
    });
    expect(await prisma.testRun.count()).toBe(runs);
    const r = await ingestTestResults(await makeUser("engineer"), body, { via: "upload" });
    expect(r.duplicate).toBe(false);
    expect(await prisma.testRun.count()).toBe(runs + 1);
  });

  it("reports a file that is not test results as an invalid AppError", async () => {
    await expect(
      ingestTestResults(await makeUser("engineer"), "plain text", { via: "upload" }),
    ).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/Not JUnit XML or CTRF JSON/),
    });
  });
});
