import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { makeControl, makeUser } from "@/lib/testing/fixtures";
import { ingestTestResults } from "./ingest";
import { controlTestHistory } from "./queries";
import { db } from "@/lib/db";
import { testSignals } from "@/lib/status/test-signals";

const run = (ref: string, daysAgo: number, cases: string) =>
  `<testsuite name="history-${Math.random()}" timestamp="${addDays(new Date(), -daysAgo).toISOString()}">
    <properties><property name="control" value="${ref}"/></properties>${cases}</testsuite>`;

describe("a control's test history", () => {
  it("lists the failing cases of its latest run only: failed and errored, not passed or skipped", async () => {
    const admin = await makeUser("admin");
    const control = await makeControl(admin, {
      title: `History ${Math.random()}`,
      criteria: ["CC7.1"],
    });
    const other = await makeControl(admin, {
      title: `Other ${Math.random()}`,
      criteria: ["CC7.1"],
    });
    await ingestTestResults(
      admin,
      run(control.ref, 3, `<testcase name="old"><failure message="old failure"/></testcase>`),
      { via: "upload" },
    );
    await ingestTestResults(
      admin,
      run(
        control.ref,
        1,
        `<testcase name="b-failed"><failure message="expected 1"/></testcase>
         <testcase name="a-errored"><error message="boom"/></testcase>
         <testcase name="passed"/><testcase name="skipped"><skipped/></testcase>`,
      ),
      { via: "upload" },
    );
    // The same run's failing case of another control is not this control's.
    await ingestTestResults(
      admin,
      run(other.ref, 1, `<testcase name="elsewhere"><failure message="not mine"/></testcase>`),
      { via: "upload" },
    );
    const h = await controlTestHistory(admin, control.id);
    expect(h.points.map((p) => p.failing)).toEqual([1, 2]);
    expect(h.failing).toEqual([
      { name: "a-errored", suite: expect.any(String), message: "boom", status: "errored" },
      { name: "b-failed", suite: expect.any(String), message: "expected 1", status: "failed" },
    ]);
  });

  it("lists none when its latest run passed, though an earlier one failed", async () => {
    const admin = await makeUser("admin");
    const control = await makeControl(admin, {
      title: `Green ${Math.random()}`,
      criteria: ["CC7.1"],
    });
    await ingestTestResults(
      admin,
      run(control.ref, 2, `<testcase name="x"><failure message="then"/></testcase>`),
      { via: "upload" },
    );
    await ingestTestResults(admin, run(control.ref, 1, `<testcase name="x"/>`), { via: "upload" });
    const h = await controlTestHistory(admin, control.id);
    expect(h.latest?.failing).toBe(0);
    expect(h.failing).toEqual([]);
  });

  it("ends with the run that arrived last among runs that started at the same instant, as status does", async () => {
    const admin = await makeUser("admin");
    const control = await makeControl(admin, {
      title: `Same instant ${Math.random()}`,
      criteria: ["CC7.1"],
    });
    const at = addDays(new Date(), -1).toISOString();
    const same = (cases: string) =>
      `<testsuite name="same-${Math.random()}" timestamp="${at}">
        <properties><property name="control" value="${control.ref}"/></properties>${cases}</testsuite>`;
    await ingestTestResults(
      admin,
      same(`<testcase name="y"><failure message="first"/></testcase>`),
      {
        via: "upload",
      },
    );
    const second = await ingestTestResults(admin, same(`<testcase name="y"/>`), { via: "upload" });
    const h = await controlTestHistory(admin, control.id);
    expect(h.points).toHaveLength(2);
    expect(h.latest?.runId).toBe(second.runId);
    expect(h.failing).toEqual([]);
    expect((await testSignals(await db())).has(control.id)).toBe(false);
  });
});
