import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createControl } from "@/lib/controls/controls";
import { makeUser } from "@/lib/testing/fixtures";
import { ingestTestResults } from "./ingest";

// The cases go in as binary COPY (case-copy.ts): what is stored is what was parsed, character for
// character, on PGlite and on PostgreSQL.

async function control() {
  return createControl(await makeUser("admin"), {
    title: `Binary copy ${Math.random()}`,
    description: "",
    ownerId: null,
    implementation: "implemented",
    naJustification: null,
    locations: [],
    criteria: ["CC8.1"],
  });
}

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
});
