// The demo workspace the audit package's integration tests package: the demo data, one uploaded
// and accepted evidence file (EVIDENCE_NAME) and a population sample, then optionally a stored
// package unzipped to a folder. Each test file calls it in its beforeAll (every integration test
// file starts from an empty database).
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { loadDemo } from "@/lib/demo/load-demo";
import { createEvidence, reviewEvidence } from "@/lib/evidence/evidence";
import { evidenceSchema } from "@/lib/evidence/schemas";
import { prepareUpload } from "@/lib/evidence/upload";
import { drawSample } from "@/lib/collectors/audit/population";
import { isoDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { createStoredPackage } from "./stored-packages";
import { unzipTo } from "./unzip";

export const EVIDENCE_NAME = "access review Q1.txt";

/** The demo workspace with the evidence file and a sample; returns the admin who added them. */
export async function seedPackageWorkspace() {
  const admin = await makeUser("admin");
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
  await reviewEvidence(admin, id, "accept", "", prepared.file.sha256);
  await drawSample(admin, {
    criterion: "CC6.1",
    action: "login",
    from: demo.period.start,
    to: isoDay(new Date()),
    n: 5,
    seed: "package-seed",
  });
  return admin;
}

/** The seeded workspace's stored package (as an admin creates it from Settings), unzipped. */
export async function demoPackage() {
  const admin = await seedPackageWorkspace();
  const built = await createStoredPackage(admin, {});
  const unpacked = mkdtempSync(path.join(os.tmpdir(), "tb-package-"));
  await unzipTo(built.file, unpacked);
  return { admin, zipFile: built.file, packageId: built.id, unpacked };
}

const run = promisify(execFile);

/** Runs the package's own verify.mjs in `dir` with plain Node.js, as an auditor would. */
export async function verifyIn(dir: string, ...args: string[]) {
  try {
    const r = await run(process.execPath, ["verify.mjs", ...args], { cwd: dir });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}
