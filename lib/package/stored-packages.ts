import "server-only";
// Packages made from the app are kept as files in $TRUSTBOARD_DATA_DIR/packages, not in the
// database: they are derived (any of them can be made again from the database), can be far larger
// than a bytea value may be (1 GB), and would double every backup. Their names carry the period
// and the creation time; the manifest inside and the activity log carry the rest.
import { createReadStream } from "node:fs";
import { mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { recordActivity } from "@/lib/activity/record";
import { actorRole, type Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { buildPackage, type BuiltPackage } from "./build-package";
import { PACKAGE_ID } from "./schemas";

export interface StoredPackage {
  id: string;
  from: string;
  to: string;
  createdAt: string;
  size: number;
}

const packagesDir = () => path.join(env().dataDir, "packages");

function stamp(at: Date): string {
  return at.toISOString().slice(0, 19).replace(/[-:]/g, "") + "Z";
}

/** Builds a package of the period (default: the audit period) into the data directory. */
export async function createStoredPackage(
  actor: Actor | null,
  period: { from?: string; to?: string },
): Promise<BuiltPackage & { id: string }> {
  authorize(actor, "package.create");
  await mkdir(packagesDir(), { recursive: true });
  const built = await buildPackage(actor, {
    ...period,
    outFile: (p) =>
      path.join(
        packagesDir(),
        `audit-package-${p.period.from}-to-${p.period.to}-${stamp(p.createdAt)}.zip`,
      ),
  });
  return { ...built, id: path.basename(built.file, ".zip") };
}

export async function listStoredPackages(actor: Actor | null): Promise<StoredPackage[]> {
  authorize(actor, "package.download");
  let names: string[];
  try {
    names = await readdir(packagesDir());
  } catch {
    return [];
  }
  const out: StoredPackage[] = [];
  for (const name of names) {
    const m = PACKAGE_ID.exec(name.replace(/\.zip$/, ""));
    if (!m || !name.endsWith(".zip")) continue;
    const s = await stat(path.join(packagesDir(), name));
    const t = m[3]!;
    out.push({
      id: m[0],
      from: m[1]!,
      to: m[2]!,
      createdAt: `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)} ${t.slice(9, 11)}:${t.slice(11, 13)}`,
      size: s.size,
    });
  }
  return out.sort((a, b) => (a.id < b.id ? 1 : -1));
}

/** The package's bytes as a stream, recorded in the activity log as a download. */
export async function openStoredPackage(actor: Actor | null, id: string) {
  authorize(actor, "package.download");
  if (!PACKAGE_ID.test(id)) throw notFound("No such package.");
  const file = path.join(packagesDir(), `${id}.zip`);
  const s = await stat(file).catch(() => null);
  if (!s) throw notFound("No such package.");
  await (
    await db()
  ).$transaction((tx) =>
    recordActivity(tx, actor, {
      action: "package.download",
      entityType: "package",
      entityId: id,
      summary: `${actor.email} (${actorRole(actor)}) downloaded the audit package ${id}`,
    }),
  );
  return {
    fileName: `${id}.zip`,
    size: s.size,
    stream: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>,
  };
}
