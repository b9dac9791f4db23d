import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hashRow, GENESIS_HASH } from "@/lib/activity/chain";
import { buildManifest, manifestBytes } from "./manifest";
import { samplePackageData } from "./sample-data.test-helper";
import { groupedFingerprint, loadSigningKey } from "./signing-key";
import { activityRowHash, keyFingerprint as scriptFingerprint, verifyPackage } from "./verify.mjs";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

function activityRows() {
  const rows = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= 3; i++) {
    const content = {
      at: new Date(Date.UTC(2026, 0, i)),
      actorId: null,
      actorEmail: "cli",
      action: "demo.load",
      entityType: "workspace",
      entityId: null,
      summary: `step ${i}`,
      before: null,
      after: { n: i, nested: { b: 1, a: [2, "x"] } },
    };
    const hash = hashRow(content, prev);
    rows.push({ seq: String(i), ...content, at: content.at.toISOString(), prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

/** Writes a small signed package folder the way the builder lays it out. */
function writePackage() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tb-key-"));
  const dir = mkdtempSync(path.join(os.tmpdir(), "tb-pkg-"));
  const key = loadSigningKey(dataDir);
  const rows = activityRows();
  const files: Record<string, string> = {
    "tables/controls.csv": "ref,title\r\nCTL-001,Tenant isolation\r\n",
    "evidence/CTL-001/policy.txt": "policy\n",
    "activity/activity.jsonl": rows.map((r) => JSON.stringify(r) + "\n").join(""),
    "public-key.pem": key.publicKeyPem,
  };
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    writeFileSync(path.join(dir, p), content);
  }
  const entries = Object.entries(files).map(([p, c]) => ({
    path: p,
    size: Buffer.byteLength(c),
    sha256: sha(c),
  }));
  const data = samplePackageData({
    activity: { rows: 3, firstPrevHash: GENESIS_HASH, lastHash: rows[2]!.hash },
  });
  const manifest = buildManifest(data, entries, "admin@example.test", key.fingerprint);
  const bytes = manifestBytes(manifest);
  writeFileSync(path.join(dir, "manifest.json"), bytes);
  writeFileSync(path.join(dir, "manifest.sig"), key.sign(bytes) + "\n");
  return { dir, key, manifest, dataDir };
}

describe("manifest, signature and verify.mjs", () => {
  it("lists every file sorted by path with its size and SHA-256, and the period", () => {
    const { manifest } = writePackage();
    expect(manifest.files.map((f) => f.path)).toEqual([
      "activity/activity.jsonl",
      "evidence/CTL-001/policy.txt",
      "public-key.pem",
      "tables/controls.csv",
    ]);
    expect(manifest.period).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(manifest.files[1]).toEqual({
      path: "evidence/CTL-001/policy.txt",
      size: 7,
      sha256: sha("policy\n"),
    });
  });

  it("verify.mjs hashes activity rows exactly as Trustboard does", () => {
    for (const r of activityRows()) expect(activityRowHash(r)).toBe(r.hash);
  });

  it("a signed package verifies, against its fingerprint", async () => {
    const { dir, key } = writePackage();
    const r = await verifyPackage(dir, { fingerprint: groupedFingerprint(key.fingerprint) });
    expect(r.problems).toEqual([]);
    expect(r).toMatchObject({ ok: true, files: 4, activityRows: 3, warnings: [] });
  });

  it("the key is generated once and kept; verify.mjs computes the same fingerprint", () => {
    const { dataDir, key } = writePackage();
    expect(loadSigningKey(dataDir).fingerprint).toBe(key.fingerprint);
    expect(scriptFingerprint(key.publicKeyPem)).toBe(key.fingerprint);
  });

  it("a manifest changed after signing, or signed by another key, fails", async () => {
    const { dir } = writePackage();
    const other = writePackage();
    writeFileSync(path.join(dir, "manifest.sig"), "AAAA\n");
    expect((await verifyPackage(dir)).problems).toContain(
      "manifest.sig is not a valid signature of manifest.json",
    );
    expect((await verifyPackage(other.dir, { fingerprint: "ab".repeat(32) })).problems[0]).toMatch(
      /^public-key.pem is not the expected key/,
    );
  });

  it("an activity row removed from the middle is named", async () => {
    const { dir } = writePackage();
    const rows = activityRows();
    writeFileSync(
      path.join(dir, "activity/activity.jsonl"),
      [rows[0], rows[2]].map((r) => JSON.stringify(r) + "\n").join(""),
    );
    const r = await verifyPackage(dir);
    expect(r.problems).toContain(
      "activity/activity.jsonl line 2 (activity #3): its link to the previous entry does not match",
    );
  });
});
