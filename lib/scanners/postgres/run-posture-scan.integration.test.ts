// Both lanes: scanning Trustboard's own database (PGlite: not representative), the CLI's
// report on standard output, and refusals.
import { describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { runScanCommand } from "@/lib/cli/scan-commands";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { POSTURE_CHECK_IDS } from "./check-table";
import { scanOwnDatabase, scanTarget, scanUrl } from "./run-posture-scan";

const lane = process.env.TEST_LANE ?? "pglite";

describe("posture scans as the app runs them", () => {
  it(
    "scans its own database, flagged not representative on PGlite, and records it",
    { timeout: 240_000 },
    async () => {
      const engineer = await makeUser("engineer");
      const auditor = await makeUser("auditor");
      await expect(scanOwnDatabase(auditor)).rejects.toMatchObject({ code: "forbidden" });
      const { report, recorded } = await scanOwnDatabase(engineer);
      expect(report.notRepresentative).toBe(lane === "pglite");
      // Trustboard's own activity table is append-only: not reported as mutable.
      expect(report.findings.some((f) => f.key.endsWith(".public.activity"))).toBe(false);
      expect(report.findings.every((f) => POSTURE_CHECK_IDS.includes(f.check as never))).toBe(true);
      const scan = await (await db()).scan.findUniqueOrThrow({ where: { id: recorded.scanId } });
      expect(scan.notRepresentative).toBe(lane === "pglite");
      expect(scan.reportSha256).toBe(recorded.reportSha256);
    },
  );

  it("refuses a bad URL or tenant column with a 4xx and an unknown target as not found", async () => {
    await expect(scanUrl(CLI_ACTOR, "mysql://x@y/z")).rejects.toMatchObject({ code: "invalid" });
    await expect(
      scanUrl(CLI_ACTOR, "postgresql://nobody:x@127.0.0.1:1/none"),
    ).rejects.toMatchObject({ code: "invalid", message: expect.stringContaining("unreachable") });
    await expect(
      scanUrl(CLI_ACTOR, "postgresql://nobody:x@127.0.0.1:1/none", ["bad column"]),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      scanTarget(CLI_ACTOR, "00000000-0000-4000-8000-000000000001"),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it.skipIf(lane !== "postgresql")(
    "the CLI prints the report as JSON with --json, and nothing is recorded with --dry-run",
    async () => {
      const lines: string[] = [];
      const before = await (await db()).scan.count();
      const code = await runScanCommand(
        "postgres",
        {
          url: process.env.TEST_DATABASE_URL,
          json: true,
          "dry-run": true,
          "tenant-columns": "org_id",
        },
        (l) => lines.push(l),
      );
      const report = JSON.parse(lines.join("\n"));
      expect(report).toMatchObject({
        scanner: "trustboard-postgres-posture",
        tenantColumns: ["org_id"],
      });
      expect(report.tables.length).toBeGreaterThan(10);
      expect(code).toBe(report.summary.error > 0 ? 3 : 0);
      expect(await (await db()).scan.count()).toBe(before);
    },
  );
});
