// Pulling result files from directories on the server. Only directories inside the roots
// listed in TRUSTBOARD_RESULTS_ROOTS are accepted, checked on the real path, so neither ".."
// nor a symbolic link can lead outside them.
import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { notFound, conflict, invalid, tooLarge } from "@/lib/errors";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { recordActivity } from "@/lib/activity/record";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { ingestTestResults } from "./ingest";
import { MAX_RESULT_BYTES } from "./parse";

const MAX_FILES_PER_PULL = 500;
const pulling = new Set<string>();

export function allowedDirectory(candidate: string, roots: string[]): string {
  if (roots.length === 0)
    throw invalid(
      "No result roots are configured: set TRUSTBOARD_RESULTS_ROOTS on the server first.",
    );
  if (!path.isAbsolute(candidate)) throw invalid("Give an absolute path.");
  let real: string;
  try {
    real = realpathSync(/* turbopackIgnore: true */ candidate);
  } catch {
    throw notFound(`${candidate} does not exist on the server.`);
  }
  if (!statSync(/* turbopackIgnore: true */ real).isDirectory())
    throw invalid(`${candidate} is not a directory.`);
  for (const root of roots) {
    let realRoot: string;
    try {
      realRoot = realpathSync(/* turbopackIgnore: true */ root);
    } catch {
      continue;
    }
    const rel = path.relative(realRoot, real);
    if (rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel))) return real;
  }
  throw invalid(`${candidate} is outside the allowed result roots (${roots.join(", ")}).`);
}

/** The allowed roots default to TRUSTBOARD_RESULTS_ROOTS. */
export async function addResultDirectory(
  actor: Actor | null,
  input: { name: string; path: string },
  roots = env().TRUSTBOARD_RESULTS_ROOTS,
) {
  authorize(actor, "results.configure");
  const real = allowedDirectory(input.path, roots);
  return (await db()).$transaction(async (tx) => {
    if (await tx.resultDirectory.findUnique({ where: { path: real } }))
      throw conflict("That directory is already configured.");
    const d = await tx.resultDirectory.create({ data: { name: input.name, path: real } });
    await recordActivity(tx, actor, {
      action: "result_dir.create",
      entityType: "result_directory",
      entityId: d.id,
      summary: `Configured result directory "${input.name}" (${real})`,
    });
    return d;
  });
}

export interface PullReport {
  files: number;
  ingested: number;
  duplicates: number;
  failed: { file: string; error: string }[];
}

/** Ingests every .xml/.json file; a bad file is reported and skipped, the others still land. */
export async function pullResultDirectory(
  actor: Actor | null,
  id: string,
  roots = env().TRUSTBOARD_RESULTS_ROOTS,
): Promise<PullReport> {
  authorize(actor, "results.pull");
  const prisma = await db();
  const dir = await prisma.resultDirectory.findUnique({ where: { id } });
  if (!dir) throw notFound("That result directory no longer exists.");
  if (pulling.has(id))
    throw conflict(`"${dir.name}" is being pulled already; try again when it finishes.`);
  pulling.add(id);
  try {
    const real = allowedDirectory(dir.path, roots);
    const names = readdirSync(/* turbopackIgnore: true */ real)
      .filter((f) => /\.(xml|json)$/i.test(f))
      .sort()
      .slice(0, MAX_FILES_PER_PULL);
    const report: PullReport = { files: names.length, ingested: 0, duplicates: 0, failed: [] };
    for (const name of names) {
      const file = path.join(/* turbopackIgnore: true */ real, name);
      try {
        const st = statSync(/* turbopackIgnore: true */ file);
        if (!st.isFile()) continue;
        if (st.size > MAX_RESULT_BYTES)
          throw tooLarge(`larger than ${MAX_RESULT_BYTES / 1024 / 1024} MB`);
        const r = await ingestTestResults(
          actor,
          readFileSync(/* turbopackIgnore: true */ file, "utf8"),
          { fileName: name, source: dir.name, via: "directory" },
        );
        if (r.duplicate) report.duplicates += 1;
        else report.ingested += 1;
      } catch (err) {
        report.failed.push({ file: name, error: (err as Error).message });
      }
    }
    const summary = `${report.files} file(s): ${report.ingested} ingested, ${report.duplicates} already known, ${report.failed.length} failed${
      report.failed.length
        ? ` (${report.failed
            .map((f) => `${f.file}: ${f.error}`)
            .join("; ")
            .slice(0, 500)})`
        : ""
    }`;
    await prisma.$transaction(async (tx) => {
      await tx.resultDirectory.update({
        where: { id },
        data: { lastPulledAt: new Date(), lastResult: summary },
      });
      await recordActivity(tx, actor, {
        action: "result_dir.pull",
        entityType: "result_directory",
        entityId: id,
        summary: `Pulled "${dir.name}": ${summary}`,
      });
    });
    return report;
  } finally {
    pulling.delete(id);
  }
}

/** The scheduled pull of every configured directory; one failing directory does not stop the rest. */
export async function pullAllResultDirectories(
  actor: Actor | null,
  roots = env().TRUSTBOARD_RESULTS_ROOTS,
): Promise<void> {
  authorize(actor, "results.pull");
  for (const d of await (await db()).resultDirectory.findMany({ select: { id: true } })) {
    await pullResultDirectory(actor, d.id, roots).catch((err: Error) =>
      console.error(`[pull] ${err.message}`),
    );
  }
}
