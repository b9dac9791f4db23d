import "server-only";
// Builds an audit package: collects the period's data, streams every file into a ZIP on disk
// (yazl, one entry at a time), then writes the signed manifest. The ZIP is written under a
// temporary name and renamed only when complete, so a failure (an unreadable file, a full disk)
// leaves nothing half-written behind, and the error reaches the caller.
import { createHash } from "node:crypto";
import { readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { recordActivity } from "@/lib/activity/record";
import { actorRole, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { CRITERIA } from "@/lib/catalog/criteria";
import { database } from "@/lib/db";
import { conflict, isAppError } from "@/lib/errors";
import { WORKSPACE_ID } from "@/lib/workspace/id";
import { collectPackageData } from "./collect";
import { indexHtml } from "./index-html";
import { buildManifest, manifestBytes } from "./manifest";
import { oscalAssessmentResults } from "./oscal/assessment-results";
import { oscalCatalog } from "./oscal/catalog";
import { oscalPoam } from "./oscal/poam";
import { periodBounds, resolvePeriod } from "./period";
import { activityLines, evidenceContent, type ActivityStats } from "./sources";
import { loadSigningKey } from "./signing-key";
import { packageTables } from "./tables";
import { packageUuids } from "./uuid";
import { ZipStream } from "./zip-stream";

export interface PackageProgress {
  step: string;
  done: number;
  total: number;
}

export interface BuiltPackage {
  file: string;
  period: { from: string; to: string };
  createdAt: Date;
  size: number;
  files: number;
  fingerprint: string;
  manifestSha256: string;
}

// One package at a time per process: building is disk- and CPU-heavy, and the UI polls this.
let current: PackageProgress | null = null;

export function packageProgress(actor: Actor | null): PackageProgress | null {
  authorize(actor, "package.create");
  return current ? { ...current } : null;
}

/** verify.mjs ships inside every package as it is in the repository. */
async function verifyScript(): Promise<Buffer> {
  return readFile(path.join(/* turbopackIgnore: true */ process.cwd(), "lib/package/verify.mjs"));
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

export async function buildPackage(
  actor: Actor | null,
  opts: {
    from?: string;
    to?: string;
    /** Where the ZIP goes; a function to name it after the resolved period and creation time. */
    outFile: string | ((p: { period: { from: string; to: string }; createdAt: Date }) => string);
    onProgress?: (p: PackageProgress) => void;
  },
): Promise<BuiltPackage> {
  authorize(actor, "package.create");
  if (current) throw conflict("A package is being built already; wait for it to finish.");
  current = { step: "reading the workspace", done: 0, total: 1 };
  const progress = (step: string, done: number) => {
    current = { step, done, total: current?.total ?? 1 };
    opts.onProgress?.(current);
  };
  let partial: string | null = null;
  let zip: ZipStream | null = null;
  try {
    const { prisma, sql } = await database();
    const ws = await prisma.workspace.findUniqueOrThrow({ where: { id: WORKSPACE_ID } });
    const now = new Date();
    const period = resolvePeriod(opts, ws, now);
    const outFile =
      typeof opts.outFile === "string" ? opts.outFile : opts.outFile({ period, createdAt: now });
    partial = `${outFile}.partial`;
    await rm(partial, { force: true });
    const { start, end } = periodBounds(period);
    const data = await collectPackageData(actor, period, now);
    const key = loadSigningKey();
    const uuid = packageUuids(data.createdAt);
    const files = data.evidence.filter((e) => e.file);
    current.total = files.length + data.testRuns.length + 4;
    let done = 0;

    zip = new ZipStream(partial, data.createdAt);
    for (const e of files) {
      progress(`evidence ${e.file!.path}`, done);
      await zip.add(e.file!.path, evidenceContent(sql, e.file!));
      done += 1;
    }
    for (const r of data.testRuns) {
      progress(`test run ${r.startedAt}`, done);
      // The file's own path and hash are not part of its content.
      r.sha256 = (
        await zip.addText(r.path, json({ ...r, path: undefined, sha256: undefined }))
      ).sha256;
      done += 1;
    }
    progress("activity log", done);
    const stats: ActivityStats = { rows: 0, firstPrevHash: "", lastHash: "" };
    await zip.add("activity/activity.jsonl", activityLines(prisma, start, end, stats));
    data.activity = stats;
    await zip.addText(
      "activity/chain-head.json",
      json({ chainHead: data.chainHead, at: data.createdAt.toISOString() }),
    );
    progress("tables", (done += 1));
    for (const [name, csv] of packageTables(data)) await zip.addText(name, csv);
    progress("OSCAL", (done += 1));
    await zip.addText("oscal/catalog.json", json(oscalCatalog(CRITERIA, data.createdAt, uuid)));
    await zip.addText("oscal/assessment-results.json", json(oscalAssessmentResults(data, uuid)));
    await zip.addText("oscal/poam.json", json(oscalPoam(data, uuid)));
    progress("index and manifest", (done += 1));
    await zip.addText("index.html", indexHtml(data, key.fingerprint));
    await zip.addText("verify.mjs", await verifyScript());
    await zip.addText("public-key.pem", key.publicKeyPem);

    const manifest = buildManifest(data, zip.entries, actor.email, key.fingerprint);
    const bytes = manifestBytes(manifest);
    await zip.addUnlisted("manifest.json", bytes);
    await zip.addUnlisted("manifest.sig", Buffer.from(key.sign(bytes) + "\n"));
    await zip.close();
    zip = null;
    await rename(partial, outFile);
    const { size } = await stat(outFile);
    const built: BuiltPackage = {
      file: outFile,
      period,
      createdAt: data.createdAt,
      size,
      files: manifest.files.length,
      fingerprint: key.fingerprint,
      manifestSha256: createHash("sha256").update(bytes).digest("hex"),
    };
    progress("done", (done += 1));
    await prisma.$transaction((tx) =>
      recordActivity(tx, actor, {
        action: "package.create",
        entityType: "package",
        entityId: path.basename(outFile, ".zip"),
        summary: `${actor.email} (${actorRole(actor)}) created the audit package for ${period.from} – ${period.to}: ${manifest.files.length} files, ${size} bytes`,
        after: {
          period,
          files: manifest.files.length,
          size,
          manifestSha256: built.manifestSha256,
          signingKeyFingerprint: key.fingerprint,
        },
      }),
    );
    return built;
  } catch (err) {
    await zip?.abort();
    if (partial) await rm(partial, { force: true });
    if (isAppError(err)) throw err;
    // A damaged evidence file, a full disk: the user is told what stopped it, and nothing is left.
    throw conflict(
      `The package could not be completed and was deleted: ${err instanceof Error ? err.message : String(err)}`,
    );
  } finally {
    current = null;
  }
}
