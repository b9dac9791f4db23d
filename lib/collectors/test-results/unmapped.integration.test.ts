import { describe, expect, it } from "vitest";
import { makeUser } from "@/lib/testing/fixtures";
import { ingestTestResults } from "./ingest";
import { listUnmappedTests } from "./queries";

/** A JUnit file of `n` unmapped tests, the first one failing when `failFirst`. */
function junit(n: number, failFirst: boolean, stamp: string): string {
  const cases = Array.from({ length: n }, (_, i) => {
    const name = `test_${String(i).padStart(3, "0")}`;
    return failFirst && i === 0
      ? `<testcase classname="unmapped" name="${name}"><failure message="no"/></testcase>`
      : `<testcase classname="unmapped" name="${name}"/>`;
  }).join("");
  return `<?xml version="1.0"?><testsuite name="paged" tests="${n}" timestamp="${stamp}">${cases}</testsuite>`;
}

describe("listUnmappedTests", () => {
  it("gives one page of the distinct unmapped tests of recent runs, the newest status, and the total", async () => {
    const engineer = await makeUser("engineer");
    const day = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 19);
    await ingestTestResults(engineer, junit(60, true, day(2)), { via: "upload" });
    await ingestTestResults(engineer, junit(60, false, day(1)), { via: "upload" });
    const first = await listUnmappedTests(engineer);
    expect(first.slice).toMatchObject({ total: 60, page: 1, pages: 2, from: 1, to: 50 });
    expect(first.tests).toHaveLength(50);
    // The same test in two runs is listed once, with its status in the newer run.
    expect(first.tests[0]).toMatchObject({ name: "test_000", lastStatus: "passed" });
    const second = await listUnmappedTests(engineer, 2);
    expect(second.tests.map((t) => t.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `test_0${50 + i}`),
    );
    // Past the end: the last page.
    expect((await listUnmappedTests(engineer, 40)).slice).toMatchObject({ page: 2, from: 51 });
    await expect(listUnmappedTests(null)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
