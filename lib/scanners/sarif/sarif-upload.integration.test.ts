import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/v1/findings/route";
import { createToken } from "@/lib/collectors/tokens";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { SARIF_FIXTURES } from "@/lib/testing/fixture-path";

// next-auth does not load outside Next.js; a token route never asks for a session anyway.
vi.mock("@/lib/auth/index", () => ({ auth: async () => null }));

const fixture = (f: string) => readFileSync(path.join(SARIF_FIXTURES, f), "utf8");

async function token() {
  const admin = await makeUser("admin");
  return (
    await createToken(admin, {
      name: `sarif-${Math.random()}`,
      scopes: ["findings"],
      expiresAt: null,
    })
  ).token;
}

function post(body: string, bearer: string, type = "application/sarif+json") {
  return POST(
    new Request("http://127.0.0.1/api/v1/findings", {
      method: "POST",
      body,
      headers: { authorization: `Bearer ${bearer}`, "content-type": type },
    }),
  );
}

async function stored() {
  const prisma = await db();
  return {
    scans: await prisma.scan.count({ where: { kind: "sarif" } }),
    items: await prisma.backlogItem.count(),
    evidence: await prisma.evidence.count(),
  };
}

async function itemsOf(keys: string[]) {
  const links = await (
    await db()
  ).scanFindingItem.findMany({
    where: { key: { in: keys } },
    select: {
      key: true,
      item: { select: { status: true, priority: true, origin: true, title: true } },
    },
  });
  return Object.fromEntries(links.map((l) => [l.key, l.item]));
}

describe("POST /api/v1/findings with SARIF", () => {
  it("records each result of a real Trivy log; a later upload without one resolves it", async () => {
    const bearer = await token();
    const trivy = fixture("trivy-alpine-310.sarif");
    const res = await post(trivy, bearer);
    expect(res.status).toBe(201);
    const { runs } = await res.json();
    expect(runs).toHaveLength(1);
    // Four results at the same place (one image), told apart by their location message.
    expect(runs[0]).toMatchObject({ source: "Trivy", findings: 4, diff: { new: 4, fixed: 0 } });
    expect(runs[0].backlog.created).toHaveLength(4);

    const prisma = await db();
    const scan = await prisma.scan.findUniqueOrThrow({
      where: { id: runs[0].scanId },
      select: { findings: { select: { key: true, level: true, check: true } }, evidenceId: true },
    });
    expect(scan.findings.map((f) => f.level)).toEqual(["warn", "warn", "warn", "warn"]);
    expect(scan.evidenceId).not.toBeNull();
    const items = await itemsOf(scan.findings.map((f) => f.key));
    expect(Object.values(items).map((i) => [i.status, i.priority, i.origin])).toEqual(
      Array(4).fill(["open", "P2", "collector"]),
    );

    // The same tool's run without the libssl CVE-2019-1551 result: that finding is resolved.
    const log = JSON.parse(trivy);
    const gone = log.runs[0].results.pop();
    expect(gone.message.text).toContain("libssl1.1");
    const again = await (await post(JSON.stringify(log), bearer, "application/json")).json();
    expect(again.runs[0]).toMatchObject({ findings: 3, diff: { new: 0, fixed: 1, stillOpen: 3 } });
    expect(again.runs[0].backlog.resolved).toHaveLength(1);
    const after = await itemsOf(scan.findings.map((f) => f.key));
    expect(
      Object.values(after)
        .map((i) => i.status)
        .sort(),
    ).toEqual(["open", "open", "open", "resolved"]);

    // It comes back: the item reopens.
    const third = await (await post(trivy, bearer)).json();
    expect(third.runs[0].backlog.reopened).toHaveLength(1);
  });

  it("maps levels (rule default when the result has none), skips suppressed results, resolves artifact indexes", async () => {
    const bearer = await token();
    const semgrep = await (await post(fixture("semgrep-include-nosemgrep.sarif"), bearer)).json();
    expect(semgrep.runs[0]).toMatchObject({
      source: "Semgrep OSS",
      findings: 1,
      ignored: { suppressed: 1, notFailures: 0 },
    });
    const codeql = await (
      await post(fixture("codeql-fingerprinting.expected.sarif"), bearer)
    ).json();
    expect(codeql.runs[0]).toMatchObject({ source: "CodeQL command-line toolchain", findings: 2 });
    const prisma = await db();
    const findings = await prisma.scanFinding.findMany({
      where: { scanId: { in: [semgrep.runs[0].scanId, codeql.runs[0].scanId] } },
      select: { level: true, file: true, line: true, check: true },
      orderBy: [{ file: "asc" }],
    });
    expect(findings).toEqual([
      {
        level: "error",
        file: "targets/basic/regex-nosemgrep.txt",
        line: 3,
        check: "rules.detected-aws-account-id",
      },
      { level: "warn", file: "testFile1.js", line: 1, check: "js/unused-local-variable" },
      { level: "warn", file: "testFile2.js", line: 2, check: "js/unused-local-variable" },
    ]);
    const items = await prisma.backlogItem.findMany({
      where: { title: { contains: "AWS Account ID" } },
      select: { priority: true },
    });
    expect(items).toEqual([{ priority: "P1" }]);
  });

  it.each([
    ["not JSON", "{", /not valid JSON/],
    ["another SARIF version", JSON.stringify({ version: "2.0.0", runs: [] }), /version.*2\.1\.0/],
    [
      "a run without a tool name",
      JSON.stringify({ version: "2.1.0", runs: [{ tool: { driver: {} }, results: [] }] }),
      /runs\.0\.tool\.driver\.name/,
    ],
    [
      "a result without a message",
      JSON.stringify({
        version: "2.1.0",
        runs: [{ tool: { driver: { name: "x" } }, results: [{ ruleId: "r" }] }],
      }),
      /runs\.0\.results\.0\.message/,
    ],
    [
      "a result naming no rule",
      JSON.stringify({
        version: "2.1.0",
        runs: [{ tool: { driver: { name: "x" } }, results: [{ message: { text: "m" } }] }],
      }),
      /names no rule/,
    ],
  ])("answers 400 with nothing stored for %s", async (_label, body, message) => {
    const bearer = await token();
    const before = await stored();
    const res = await post(body, bearer);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(message);
    expect(await stored()).toEqual(before);
  });

  it("stores nothing when a later run of a multi-run log is bad", async () => {
    const bearer = await token();
    const before = await stored();
    const good = JSON.parse(fixture("trivy-alpine-310.sarif")).runs[0];
    const bad = {
      tool: { driver: { name: "y" } },
      results: [{ ruleId: "r", level: "fatal", message: { text: "m" } }],
    };
    const res = await post(JSON.stringify({ version: "2.1.0", runs: [good, bad] }), bearer);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/runs\.1\.results\.0\.level/);
    expect(await stored()).toEqual(before);
  });

  it("still takes one plain JSON finding", async () => {
    const bearer = await token();
    const res = await post(
      JSON.stringify({ title: "Plain finding", priority: "P2", criteria: ["CC6.1"] }),
      bearer,
      "application/json",
    );
    expect(res.status).toBe(201);
  });
});
