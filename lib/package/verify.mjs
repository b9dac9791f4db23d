#!/usr/bin/env node
// Verifies a Trustboard audit package in the folder it was unzipped to, with nothing but Node.js
// (no dependencies, so an auditor can read all of it): every file's SHA-256 and size against
// manifest.json, no file missing or extra, the Ed25519 signature of manifest.json, and the
// activity log's hash chain. Exits 0 only when all of that holds; otherwise names what does not.
//
//   node verify.mjs [--fingerprint <hex>] [folder]
//
// Without --fingerprint the signature is checked against the included public-key.pem, which
// proves integrity but not origin: compare the fingerprint with the one Trustboard shows.
import { createHash, createPublicKey, verify as verifySignature } from "node:crypto";
import { createReadStream, existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const UNSIGNED = new Set(["manifest.json", "manifest.sig"]);
const ACTIVITY = "activity/activity.jsonl";
const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth, as Trustboard hashes activity rows. */
export function canonicalJson(value) {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The hash of one activity row: its content and the previous row's hash. */
export function activityRowHash(row) {
  const canonical = canonicalJson({
    at: row.at,
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    summary: row.summary,
    before: row.before ?? null,
    after: row.after ?? null,
    prevHash: row.prevHash,
  });
  return createHash("sha256").update(canonical).digest("hex");
}

/** SHA-256 of the key's DER SubjectPublicKeyInfo, in hex: what Trustboard shows in Settings. */
export function keyFingerprint(publicKeyPem) {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex");
}

const normalFingerprint = (fp) => fp.replace(/[^0-9a-f]/gi, "").toLowerCase();

function sha256File(file) {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    let size = 0;
    createReadStream(file)
      .on("data", (chunk) => {
        size += chunk.length;
        hash.update(chunk);
      })
      .on("error", reject)
      .on("end", () => resolve({ sha256: hash.digest("hex"), size }));
  });
}

function listFiles(root, dir = "") {
  const out = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(root, rel));
    else out.push(rel);
  }
  return out;
}

// A manifest path must stay inside the folder: no absolute paths, no "..", forward slashes only.
const safePath = (p) =>
  typeof p === "string" && p !== "" && !p.startsWith("/") && !p.split("/").includes("..");

function checkSignature(dir, manifestBytes, manifest, expected, report) {
  const sigFile = path.join(dir, "manifest.sig");
  const keyFile = path.join(dir, "public-key.pem");
  if (!existsSync(sigFile)) return report.problem("manifest.sig is missing");
  if (!existsSync(keyFile)) return report.problem("public-key.pem is missing");
  const pem = readFileSync(keyFile, "utf8");
  let fingerprint;
  try {
    fingerprint = keyFingerprint(pem);
  } catch {
    return report.problem("public-key.pem is not a readable public key");
  }
  report.fingerprint = fingerprint;
  if (expected) {
    if (normalFingerprint(expected) !== fingerprint) {
      return report.problem(
        `public-key.pem is not the expected key (fingerprint ${fingerprint}, expected ${normalFingerprint(expected)})`,
      );
    }
  } else {
    report.warn(
      `signature checked against the included public-key.pem (fingerprint ${fingerprint}); pass --fingerprint to check it is the workspace's key`,
    );
  }
  if (manifest.signingKeyFingerprint !== fingerprint) {
    report.problem("manifest.json names another signing key than public-key.pem");
  }
  const signature = Buffer.from(readFileSync(sigFile, "utf8").trim(), "base64");
  if (!verifySignature(null, manifestBytes, createPublicKey(pem), signature)) {
    report.problem("manifest.sig is not a valid signature of manifest.json");
  }
}

async function checkFiles(dir, manifest, report) {
  const listed = new Map();
  for (const f of manifest.files ?? []) {
    if (!safePath(f.path)) {
      report.problem(`manifest.json lists an unsafe path: ${String(f.path)}`);
      continue;
    }
    listed.set(f.path, f);
  }
  const present = new Set(listFiles(dir));
  for (const [rel, entry] of listed) {
    if (!present.has(rel)) {
      report.problem(`${rel} is missing`);
      continue;
    }
    const actual = await sha256File(path.join(dir, rel));
    if (actual.sha256 !== entry.sha256 || actual.size !== entry.size) {
      report.problem(`${rel} has been altered (its SHA-256 no longer matches manifest.json)`);
    }
    report.files += 1;
  }
  for (const rel of [...present].sort()) {
    if (!listed.has(rel) && !UNSIGNED.has(rel)) report.problem(`${rel} is not in manifest.json`);
  }
}

function checkActivity(dir, manifest, report) {
  const file = path.join(dir, ACTIVITY);
  const expected = manifest.activity;
  if (!expected || !existsSync(file)) return;
  const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
  let prev = expected.firstPrevHash ?? GENESIS_HASH;
  for (const [i, line] of lines.entries()) {
    const where = `${ACTIVITY} line ${i + 1}`;
    let row;
    try {
      row = JSON.parse(line);
    } catch {
      return report.problem(`${where} is not valid JSON`);
    }
    const named = `${where} (activity #${row.seq})`;
    if (row.prevHash !== prev) {
      return report.problem(`${named}: its link to the previous entry does not match`);
    }
    if (activityRowHash(row) !== row.hash) {
      return report.problem(`${named}: its content no longer matches its hash (altered)`);
    }
    prev = row.hash;
    report.activityRows += 1;
  }
  if (lines.length !== expected.rows || (lines.length > 0 && prev !== expected.lastHash)) {
    report.problem(`${ACTIVITY} does not end where manifest.json says (rows removed or added)`);
  }
}

/** Checks the package in `dir`; never throws for a bad package, only reports. */
export async function verifyPackage(dir, options = {}) {
  const report = {
    ok: true,
    problems: [],
    warnings: [],
    files: 0,
    activityRows: 0,
    fingerprint: null,
    problem(text) {
      this.ok = false;
      this.problems.push(text);
    },
    warn(text) {
      this.warnings.push(text);
    },
  };
  const manifestFile = path.join(dir, "manifest.json");
  if (!existsSync(manifestFile)) {
    report.problem("manifest.json is missing");
    return report;
  }
  const manifestBytes = readFileSync(manifestFile);
  let manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString("utf8"));
  } catch {
    report.problem("manifest.json is not valid JSON");
    return report;
  }
  checkSignature(dir, manifestBytes, manifest, options.fingerprint, report);
  await checkFiles(dir, manifest, report);
  checkActivity(dir, manifest, report);
  return report;
}

async function main(argv) {
  let fingerprint;
  let dir = ".";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--fingerprint") fingerprint = argv[++i];
    else if (arg === "--help" || arg === "-h") {
      console.log("Usage: node verify.mjs [--fingerprint <hex>] [folder]");
      return 0;
    } else dir = arg ?? ".";
  }
  if (fingerprint === undefined && argv.includes("--fingerprint")) {
    console.error("--fingerprint needs the key's fingerprint");
    return 2;
  }
  const r = await verifyPackage(path.resolve(dir), { fingerprint });
  for (const w of r.warnings) console.log(`warning: ${w}`);
  if (!r.ok) {
    console.log(`FAILED: ${r.problems[0]}`);
    for (const p of r.problems.slice(1)) console.log(`also: ${p}`);
    return 1;
  }
  console.log(
    `OK: ${r.files} files match manifest.json, signature valid (key ${r.fingerprint}), ${r.activityRows} activity rows chained`,
  );
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
