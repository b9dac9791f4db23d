import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/test-results/route";
import { db } from "@/lib/db";
import { createControl } from "@/lib/controls/controls";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { makeUser } from "@/lib/testing/fixtures";
import { createToken, revokeToken } from "../tokens";

const FIXTURES = path.resolve(__dirname, "../../../../shared/fixtures/test-results");
const fixture = (f: string) => readFileSync(path.join(FIXTURES, f), "utf8");

function post(body: BodyInit, headers: Record<string, string>) {
  return POST(new Request("http://127.0.0.1/api/v1/test-results", { method: "POST", body, headers }));
}

async function token(scopes: "ingest"[] = ["ingest"], expiresAt: Date | null = null) {
  const admin = await makeUser("admin");
  return (await createToken(await db(), admin, { name: `ci-${Math.random()}`, scopes, expiresAt })).token;
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
    const prisma = await db();
    const admin = await makeUser("admin");
    const revoked = await createToken(prisma, admin, { name: "old", scopes: ["ingest"], expiresAt: null });
    await revokeToken(prisma, admin, revoked.id);
    expect((await post("<testsuite/>", { authorization: `Bearer ${revoked.token}` })).status).toBe(401);
    const expired = await token(["ingest"], new Date(Date.now() - 1000));
    const res = await post("<testsuite/>", { authorization: `Bearer ${expired}` });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toMatch(/expired/);
    const scopeless = await token([]);
    expect((await post("<testsuite/>", { authorization: `Bearer ${scopeless}` })).status).toBe(403);
  });

  it("ingests a fixture, answers 201 with totals, then 200 with the same run for a duplicate", async () => {
    const t = await token();
    const body = fixture("python/pytest.xml");
    const first = await post(body, { authorization: `Bearer ${t}`, "content-type": "application/xml", "x-trustboard-commit": "abc123" });
    expect(first.status).toBe(201);
    const json = await first.json();
    expect(json.totals).toEqual({ tests: 10, passed: 6, failed: 2, errored: 0, skipped: 2, flaky: 0 });
    const again = await post(body, { authorization: `Bearer ${t}`, "content-type": "application/xml" });
    expect(again.status).toBe(200);
    expect((await again.json()).runId).toBe(json.runId);
    const prisma = await db();
    expect(await prisma.testCaseResult.count({ where: { runId: json.runId } })).toBe(10);
    expect((await prisma.apiToken.findFirstOrThrow({ where: { lastUsedAt: { not: null } } })).lastUsedAt).not.toBeNull();
  });

  it("accepts multipart and CTRF, and refuses the corrupt file storing nothing", async () => {
    const t = await token();
    const form = new FormData();
    form.set("file", new File([fixture("ctrf/comprehensive.json")], "ctrf.json", { type: "application/json" }));
    form.set("source", "playwright");
    const res = await post(form, { authorization: `Bearer ${t}` });
    expect(res.status).toBe(201);
    expect((await res.json()).totals).toMatchObject({ tests: 3, failed: 1, flaky: 1 });
    const prisma = await db();
    const runs = await prisma.testRun.count();
    const bad = await post(fixture("edge/corrupt.xml"), { authorization: `Bearer ${t}`, "content-type": "text/xml" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/Not well-formed XML/);
    expect(await prisma.testRun.count()).toBe(runs);
    expect((await post("x", { authorization: `Bearer ${t}`, "content-type": "image/png" })).status).toBe(415);
  });
});

describe("test results drive control status", () => {
  it("failing mapped tests put the control at risk, naming them; a later green run clears it", async () => {
    const admin = await makeUser("admin");
    const control = await createControl(admin, { title: "Tenant isolation (tests)", description: "", ownerId: null, implementation: "implemented", naJustification: null, locations: [], criteria: ["CC6.1"] });
    const t = await token();
    const red = await post(junit("2026-11-20T10:00:00", true), { authorization: `Bearer ${t}`, "content-type": "text/xml" });
    expect((await red.json()).mapped.controls).toContain(control.ref);
    const prisma = await db();
    let status = (await computeWorkspaceStatus(prisma)).controls.get(control.id)!;
    expect(status.status).toBe("at_risk");
    expect(status.reasons[0].text).toBe("1 of 2 mapped tests failing in the latest run: test_cross_org_read");
    const evidence = await prisma.evidence.findFirstOrThrow({ where: { kind: "automated", controls: { some: { controlId: control.id } } } });
    expect(evidence.title).toMatch(/^Tests 1\/2 passing/);
    expect(evidence.expiresOn!.toISOString().slice(0, 10)).toBe("2026-11-27"); // 7-day freshness window

    await post(junit("2026-11-21T10:00:00", false), { authorization: `Bearer ${t}`, "content-type": "text/xml" });
    status = (await computeWorkspaceStatus(prisma)).controls.get(control.id)!;
    expect(status.status).toBe("met");
  });
});
