import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { loadDemo } from "@/lib/demo/load-demo";
import { createEvidence, reviewEvidence } from "@/lib/evidence/evidence";
import { evidenceSchema } from "@/lib/evidence/schemas";
import { prepareUpload } from "@/lib/evidence/upload";
import { runPackageCreate, runPackageVerify } from "@/lib/cli/package-commands";
import { drawSample } from "@/lib/collectors/audit/population";
import { addDays, isoDay, startOfUtcDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { oscalErrors } from "@/lib/testing/oscal-schema";
import { buildPackage } from "./build-package";
import { collectPackageData } from "./collect";
import { createStoredPackage, listStoredPackages, openStoredPackage } from "./stored-packages";
import { loadSigningKey } from "./signing-key";
import { unzipTo } from "./unzip";

const run = promisify(execFile);

/** Runs the package's own verify.mjs in `dir` with plain Node.js, as an auditor would. */
async function verifyIn(dir: string, ...args: string[]) {
  try {
    const r = await run(process.execPath, ["verify.mjs", ...args], { cwd: dir });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

const EVIDENCE_NAME = "access review Q1.txt";
let admin: Awaited<ReturnType<typeof makeUser>>;
let zipFile: string;
let packageId: string;
let unpacked: string;

describe("the audit package of the demo workspace", () => {
  beforeAll(async () => {
    admin = await makeUser("admin");
    const demo = await loadDemo(CLI_ACTOR);
    const control = await (
      await db()
    ).control.findFirstOrThrow({ where: { title: "Tenant Isolation" } });
    const prepared = await prepareUpload(
      new File(["Quarterly access review: 14 accounts, 2 removed.\n"], EVIDENCE_NAME, {
        type: "text/plain",
      }),
      undefined,
    );
    if (prepared.kind !== "ready") throw new Error("upload refused");
    const { id } = await createEvidence(
      admin,
      evidenceSchema.parse({
        title: "Access review Q1",
        kind: "file",
        evidenceDate: demo.period.start,
        controls: control.id,
      }),
      prepared.file,
    );
    await reviewEvidence(admin, id, "accept", "");
    await drawSample(admin, {
      criterion: "CC6.1",
      action: "login",
      from: demo.period.start,
      to: isoDay(new Date()),
      n: 5,
      seed: "package-seed",
    });
    const built = await createStoredPackage(admin, {});
    zipFile = built.file;
    packageId = built.id;
    unpacked = mkdtempSync(path.join(os.tmpdir(), "tb-package-"));
    await unzipTo(zipFile, unpacked);
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

  it("lists the samples drawn with their seed and population hash", () => {
    const csv = readFileSync(path.join(unpacked, "tables/samples.csv"), "utf8").split("\r\n");
    expect(csv[0]).toBe(
      "drawn_at,drawn_by,criterion,action,from,to,n,seed,population,population_sha256,summary",
    );
    expect(csv[1]).toMatch(/,CC6\.1,login,.*,5,package-seed,\d+,[0-9a-f]{64},/);
  });

  it("carries OSCAL documents that validate against NIST's schema", () => {
    for (const f of ["assessment-results", "catalog", "poam"]) {
      const doc = JSON.parse(readFileSync(path.join(unpacked, "oscal", `${f}.json`), "utf8"));
      expect([f, oscalErrors(doc)]).toEqual([f, []]);
    }
    const ar = JSON.parse(
      readFileSync(path.join(unpacked, "oscal/assessment-results.json"), "utf8"),
    );
    const findings = ar["assessment-results"].results[0].findings;
    const cc61 = findings.find(
      (f: { target: { "target-id": string } }) => f.target["target-id"] === "CC6.1",
    );
    expect(cc61.target.status.state).toBe("not-satisfied");
    expect(cc61.description).toContain("BL-131");
  });

  it("records creation and downloads; auditors download, engineers may not", async () => {
    const auditor = await makeUser("auditor");
    const engineer = await makeUser("engineer");
    expect((await listStoredPackages(auditor)).map((p) => p.id)).toContain(packageId);
    const dl = await openStoredPackage(auditor, packageId);
    expect(dl.size).toBeGreaterThan(1000);
    await dl.stream.cancel();
    await expect(openStoredPackage(engineer, packageId)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(createStoredPackage(auditor, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(openStoredPackage(auditor, "../../etc/passwd")).rejects.toMatchObject({
      code: "not_found",
    });
    const actions = await (
      await db()
    ).activity.findMany({
      where: { entityType: "package" },
      select: { action: true, actorEmail: true },
    });
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "package.create", actorEmail: admin.email },
        { action: "package.download", actorEmail: auditor.email },
      ]),
    );
  });

  it("the CLI creates and verifies a package for a given period", async () => {
    const out: string[] = [];
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "tb-cli-")), "audit.zip");
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    expect(await runPackageCreate({ out: file, from, to }, (l) => out.push(l))).toBe(0);
    expect(out[0]).toContain(`${from} to ${to}`);
    expect(await runPackageVerify({ file }, (l) => out.push(l))).toBe(0);
    expect(out.at(-1)).toMatch(/^OK: /);
    await expect(runPackageCreate({ out: file, from: to, to: from })).rejects.toMatchObject({
      code: "invalid",
    });
  });

  it("a package that cannot be written is deleted and the error surfaces", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "tb-fail-"));
    const outFile = path.join(dir, "missing-folder", "audit.zip");
    await expect(buildPackage(admin, { outFile })).rejects.toThrow(/ENOENT/);
    expect(existsSync(outFile)).toBe(false);
    expect(existsSync(`${outFile}.partial`)).toBe(false);
  });

  it("judges operating effectiveness over the package's own period", async () => {
    const day = (n: number) => isoDay(addDays(startOfUtcDay(new Date()), -n));
    const tenantReasons = async (period: { from: string; to: string }) =>
      (await collectPackageData(admin, period)).controls
        .find((c) => c.title === "Tenant Isolation")!
        .reasons.map((r) => r.text);
    // The demo's nightly runs stop between 100 and 71 days ago: a gap of the workspace's period,
    // not of a package for the last 60 days.
    const gap = `No evidence ${day(100)} – ${day(71)}`;
    expect(await tenantReasons({ from: day(150), to: day(0) })).toContain(gap);
    expect((await tenantReasons({ from: day(60), to: day(0) })).join("\n")).not.toContain(
      "No evidence",
    );
  });

  it("an evidence file that cannot be read deletes the package and names the file", async () => {
    const prisma = await db();
    const revision = await prisma.evidenceRevision.findFirstOrThrow({
      where: { fileName: EVIDENCE_NAME },
      select: { sha256: true },
    });
    // Stored contents are immutable by trigger; the test damages one the way a disk fault would.
    const damage = async (content: string) => {
      await prisma.$executeRawUnsafe(
        `ALTER TABLE "evidence_blobs" DISABLE TRIGGER "evidence_blobs_immutable"`,
      );
      await prisma.$executeRaw`UPDATE "evidence_blobs" SET "content" = convert_to(${content}, 'UTF8') WHERE "sha256" = ${revision.sha256}`;
      await prisma.$executeRawUnsafe(
        `ALTER TABLE "evidence_blobs" ENABLE TRIGGER "evidence_blobs_immutable"`,
      );
    };
    const original = "Quarterly access review: 14 accounts, 2 removed.\n";
    await damage(original.replace("14", "41"));
    try {
      const outFile = path.join(mkdtempSync(path.join(os.tmpdir(), "tb-damaged-")), "audit.zip");
      await expect(buildPackage(admin, { outFile })).rejects.toMatchObject({
        code: "conflict",
        message: expect.stringMatching(
          /could not be completed and was deleted: Evidence file evidence\/.+\/access review Q1\.txt could not be read: its content no longer matches its SHA-256/,
        ),
      });
      expect(existsSync(outFile)).toBe(false);
      expect(existsSync(`${outFile}.partial`)).toBe(false);
    } finally {
      await damage(original);
    }
  });
});
