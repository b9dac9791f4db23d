import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSarif } from "@/lib/scanners/sarif/parse-sarif";
import { CODE_AUDIT_REPO } from "@/lib/testing/fixture-path";
import { runScanCode } from "./scan-code-command";

describe("scan code (without recording)", () => {
  it("prints the report as JSON and writes the SARIF export", async () => {
    const sarif = path.join(mkdtempSync(path.join(os.tmpdir(), "tb-scan-")), "audit.sarif");
    let out = "";
    const code = await runScanCode(
      { path: CODE_AUDIT_REPO, json: true, sarif, record: false },
      (t) => (out += t),
    );
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report).toMatchObject({
      source: CODE_AUDIT_REPO,
      totals: { statements: 24, findings: 6, notAnalysed: 5 },
      recorded: null,
    });
    expect(report.findings[0]).toMatchObject({
      check: "missing_tenant_predicate",
      table: "api_keys",
      file: "crates/api/src/routes/api_keys.rs",
      line: 22,
    });
    const [run] = readSarif(JSON.parse(readFileSync(sarif, "utf8")));
    expect(run!.findings).toHaveLength(6);
  });

  it("prints the Markdown report, and names a bad --path", async () => {
    let out = "";
    await runScanCode({ path: CODE_AUDIT_REPO, record: false }, (t) => (out += t));
    expect(out).toMatch(/^# SOC 2 Query Audit Report/);
    await expect(runScanCode({ path: "/nonexistent/repo", record: false })).rejects.toThrow(
      /--path/,
    );
    await expect(runScanCode({ record: false })).rejects.toThrow(/--path/);
  });
});
