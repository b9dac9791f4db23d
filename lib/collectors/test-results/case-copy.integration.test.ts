import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { database, db } from "@/lib/db";
import { makeControl, makeUser } from "@/lib/testing/fixtures";
import { CASE_COLUMNS, caseCopyPieces } from "./case-copy";
import { ingestTestResults } from "./ingest";
import { parseTestResults } from "./parse";

// The cases go in as binary COPY (case-copy.ts): what is stored is what was parsed, character for
// character, on PGlite and on PostgreSQL.

const control = async () =>
  makeControl(await makeUser("admin"), {
    title: `Binary copy ${Math.random()}`,
    criteria: ["CC8.1"],
  });

/** An XML attribute value: tab, newline and return as references, which XML keeps. */
const attr = (s: string) =>
  s
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("<", "&lt;")
    .replaceAll("\t", "&#9;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;");

describe("cases stored by binary COPY", () => {
  it("keep every character, empty and absent values, durations of 23 days and their controls", async () => {
    const [a, b] = [await control(), await control()];
    const tricky = `tab\there\nnew line\rreturn back\\slash \\N \\t 'single' "double" <&> 🙂 日本語 ${Math.random()}`;
    const file = `<testsuites><testsuite name="${attr(tricky)}">
      <testcase classname="${attr(tricky)}" name="${attr(tricky)}" file="${attr(tricky)}" time="1999999.999">
        <properties><property name="control" value="${a.ref} ${b.ref}"/></properties>
        <failure message="${attr(tricky)}"/>
      </testcase>
      <testcase classname="" name="plain" time="0"/>
    </testsuite></testsuites>`;
    const engineer = await makeUser("engineer");
    const r = await ingestTestResults(engineer, file, { via: "upload" });
    const rows = await (
      await db()
    ).testCaseResult.findMany({ where: { runId: r.runId }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(2);
    const [first, second] = rows;
    expect(first).toMatchObject({
      suite: tricky,
      classname: tricky,
      name: tricky,
      file: tricky,
      message: tricky,
      status: "failed",
      flaky: false,
      durationMs: 1_999_999_999,
    });
    expect([...first!.controlIds].sort()).toEqual([a.id, b.id].sort());
    expect(second).toMatchObject({ suite: tricky, name: "plain", file: null, message: null });
    // Empty is not absent: an empty string, not NULL.
    expect(second!.classname).toBe("");
    expect(second!.controlIds).toEqual([]);
    expect(second!.durationMs).toBe(0);
  });

  it("go in over several pieces and, past 8 MB on PGlite, several statements", async () => {
    const c = await control();
    // 2,100 failing cases with messages of 4,000 "é" (8 kB each in UTF-8): pieces of 1,000 rows,
    // 8 MB each, so PGlite sends the first two in one COPY (past its 8 MB) and the third in another.
    const message = "é".repeat(4_000);
    const cases = Array.from(
      { length: 2_100 },
      (_, i) =>
        `<testcase classname="Big" name="case ${i}"><failure message="${message}"/></testcase>`,
    ).join("");
    const file = `<testsuites><testsuite name="big ${Math.random()}">
      <properties><property name="control" value="${c.ref}"/></properties>${cases}
    </testsuite></testsuites>`;
    const r = await ingestTestResults(await makeUser("engineer"), file, { via: "upload" });
    const prisma = await db();
    expect(await prisma.testCaseResult.count({ where: { runId: r.runId } })).toBe(2_100);
    const last = await prisma.testCaseResult.findFirstOrThrow({
      where: { runId: r.runId, name: "case 2099" },
    });
    expect(last).toMatchObject({ message, status: "failed", controlIds: [c.id] });
    expect(
      await prisma.testRunControl.findUniqueOrThrow({
        where: { controlId_runId: { controlId: c.id, runId: r.runId } },
        select: { total: true, failing: true },
      }),
    ).toEqual({ total: 2_100, failing: 2_100 });
  });

  it("store nothing when the rows fail half-way", async () => {
    const run = parseTestResults(
      `<testsuite name="half">${'<testcase name="a"/>'.repeat(1_500)}</testsuite>`,
    );
    const runId = randomUUID();
    const { sql } = await database();
    async function* failing() {
      const pieces = caseCopyPieces(
        runId,
        run.cases,
        run.cases.map(() => []),
      );
      yield (await pieces.next()).value as Uint8Array<ArrayBuffer>;
      throw new Error("the source broke");
    }
    await expect(
      sql.transaction(async (q) => {
        await q.query(
          `INSERT INTO "test_runs" ("id", "content_sha256", "format", "started_at", "duration_ms", "tests",
                                    "passed", "failed", "errored", "skipped", "flaky", "ingested_via", "ingested_by")
           VALUES ($1::uuid, $2, 'junit', now(), 0, 0, 0, 0, 0, 0, 0, 'api', 'test')`,
          [runId, randomUUID()],
        );
        await q.copyBinary(CASE_COLUMNS, failing());
      }),
    ).rejects.toThrow("the source broke");
    const prisma = await db();
    expect(await prisma.testCaseResult.count({ where: { runId } })).toBe(0);
    expect(await prisma.testRun.count({ where: { id: runId } })).toBe(0);
  });
});
