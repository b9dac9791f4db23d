// The package verifies, and verify.mjs names what was altered, missing, extra or forged.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadSigningKey } from "./signing-key";
import { EVIDENCE_NAME, demoPackage, verifyIn } from "./demo-package.test-helper";

let unpacked: string;

describe("verify.mjs on the audit package of the demo workspace", () => {
  beforeAll(async () => {
    ({ unpacked } = await demoPackage());
  });

  it("holds the fixed layout, and verify.mjs passes on it with the workspace's fingerprint", async () => {
    const manifest = JSON.parse(readFileSync(path.join(unpacked, "manifest.json"), "utf8"));
    const paths = manifest.files.map((f: { path: string }) => f.path);
    for (const p of [
      "index.html",
      "verify.mjs",
      "public-key.pem",
      "activity/activity.jsonl",
      "oscal/assessment-results.json",
      "oscal/catalog.json",
      "oscal/poam.json",
      "tables/criteria.csv",
      "tables/controls.csv",
      "tables/evidence.csv",
      "tables/backlog.csv",
      "tables/must-haves.csv",
      "tables/test-runs.csv",
      "tables/audit-event-daily.csv",
      "tables/samples.csv",
      "tables/status-snapshots.csv",
      `evidence/${manifest.files.find((f: { path: string }) => f.path.endsWith(EVIDENCE_NAME)).path.split("/")[1]}/${EVIDENCE_NAME}`,
    ])
      expect(paths).toContain(p);
    expect(paths.some((p: string) => p.startsWith("evidence/test-runs/"))).toBe(true);
    expect(manifest.activity.rows).toBeGreaterThan(10);

    const fingerprint = loadSigningKey().fingerprint;
    const ok = await verifyIn(unpacked, "--fingerprint", fingerprint);
    expect(ok.out).toMatch(/^OK: \d+ files match manifest.json, signature valid/m);
    expect(ok.code).toBe(0);
    const unpinned = await verifyIn(unpacked);
    expect(unpinned.code).toBe(0);
    expect(unpinned.out).toContain(
      "warning: signature checked against the included public-key.pem",
    );
    const wrongKey = await verifyIn(unpacked, "--fingerprint", "00".repeat(32));
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.out).toContain("FAILED: public-key.pem is not the expected key");
  });

  it("names the altered evidence file, CSV table and activity row", async () => {
    const cases: [string, (text: Buffer) => Buffer, RegExp][] = [
      [
        readdirSync(path.join(unpacked, "evidence"), { recursive: true })
          .map(String)
          .map((p) => `evidence/${p}`)
          .find((p) => p.endsWith(EVIDENCE_NAME))!,
        (b) => {
          const c = Buffer.from(b);
          c[0] = c[0]! ^ 1;
          return c;
        },
        /FAILED: evidence\/.+\/access review Q1\.txt has been altered/,
      ],
      [
        "tables/controls.csv",
        (b) => Buffer.from(b.toString("utf8").replace(/,implemented,/, ",in_progress,")),
        /FAILED: tables\/controls\.csv has been altered/,
      ],
      [
        "activity/activity.jsonl",
        (b) => {
          const lines = b.toString("utf8").split("\n");
          const row = JSON.parse(lines[2]!);
          lines[2] = JSON.stringify({ ...row, summary: `${row.summary} (edited)` });
          return Buffer.from(lines.join("\n"));
        },
        /activity\/activity\.jsonl line 3 \(activity #\d+\): its content no longer matches its hash/,
      ],
    ];
    for (const [file, alter, expected] of cases) {
      const copy = mkdtempSync(path.join(os.tmpdir(), "tb-tamper-"));
      cpSync(unpacked, copy, { recursive: true });
      const target = path.join(copy, file);
      writeFileSync(target, alter(readFileSync(target)));
      const r = await verifyIn(copy);
      expect([file, r.code]).toEqual([file, 1]);
      expect(r.out).toMatch(expected);
    }
  });

  it("notices a missing file, an extra file and a forged manifest", async () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), "tb-tamper-"));
    cpSync(unpacked, copy, { recursive: true });
    writeFileSync(path.join(copy, "tables", "extra.csv"), "a,b\r\n");
    const extra = await verifyIn(copy);
    expect(extra.out).toContain("tables/extra.csv is not in manifest.json");
    rmSync(path.join(copy, "oscal", "poam.json"));
    const missing = await verifyIn(copy);
    expect(missing.out).toContain("oscal/poam.json is missing");
    const manifestFile = path.join(copy, "manifest.json");
    writeFileSync(
      manifestFile,
      readFileSync(manifestFile, "utf8").replace(/"rows": \d+/, '"rows": 1'),
    );
    const forged = await verifyIn(copy);
    expect(forged.code).toBe(1);
    expect(forged.out).toContain("manifest.sig is not a valid signature of manifest.json");
  });
});
