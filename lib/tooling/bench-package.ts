// `npm run bench` part: an audit package of a workspace with BENCH_PACKAGE_FILES evidence files
// (default 1,000) of BENCH_PACKAGE_MB each (default 1 MB, so 1 GB in all), built in a process of
// its own so that its peak memory is the packaging's alone.
import { randomBytes, createHash } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SystemActor } from "../auth/actor";
import type { Database } from "../db/open";
import { ensureCatalog } from "../db/bootstrap";
import { isoDay } from "../dates";
import { loadAverage, mb } from "./bench-util";

export const PACKAGE_FILES = Number(process.env.BENCH_PACKAGE_FILES ?? 1000);
export const PACKAGE_FILE_MB = Number(process.env.BENCH_PACKAGE_MB ?? 1);

/** Evidence files of random (incompressible: the worst case for time) content, accepted, today. */
export async function seedPackageWorkspace(d: Database): Promise<void> {
  const prisma = d.prisma;
  await ensureCatalog(prisma);
  const user = await prisma.user.create({
    data: { email: "bench@example.test", name: "bench", role: "admin", passwordHash: "x" },
  });
  const control = await prisma.control.create({
    data: {
      ref: "CTL-950",
      title: "bench package",
      implementation: "implemented",
      criteria: { create: [{ criterionId: "CC6.1" }] },
    },
  });
  const day = new Date(`${isoDay(new Date())}T00:00:00Z`);
  for (let i = 0; i < PACKAGE_FILES; i++) {
    const content = randomBytes(PACKAGE_FILE_MB * 1024 * 1024);
    const sha256 = createHash("sha256").update(content).digest("hex");
    await prisma.evidenceBlob.create({ data: { sha256, content, size: content.length } });
    await prisma.evidence.create({
      data: {
        title: `bench evidence ${i}`,
        kind: "file",
        evidenceDate: day,
        reviewState: "accepted",
        createdById: user.id,
        controls: { create: [{ controlId: control.id }] },
        revisions: {
          create: [
            {
              number: 1,
              fileName: `evidence-${String(i).padStart(4, "0")}.bin`,
              contentType: "application/octet-stream",
              size: content.length,
              sha256,
              uploadedById: user.id,
            },
          ],
        },
      },
    });
  }
}

/**
 * In the child process (bench-package-child.ts): builds the package, sampling RSS, and prints
 * the figures with the RSS at each stage: Node.js and tsx alone (`startRss`), with the modules
 * loaded and the database open, the peak while the period's data is collected (status, coverage,
 * tables: Prisma's query compiler loads at the first query), and the peak while files stream.
 */
export async function packageChild(
  name: string,
  actor: SystemActor,
  startRss: number,
): Promise<void> {
  const { buildPackage } = await import("../package/build-package");
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), "tb-bench-pkg-")), "bench.zip");
  const before = process.memoryUsage().rss;
  let peak = before;
  let collected: number | null = null;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const sampler = setInterval(sample, 50);
  const today = isoDay(new Date());
  const t = performance.now();
  const built = await buildPackage(actor, {
    from: today,
    to: today,
    outFile: out,
    // The first file step: everything before it was the collection of the period's data.
    onProgress: (p) => {
      if (collected === null && p.step.startsWith("evidence")) collected = sample();
    },
  });
  const ms = performance.now() - t;
  clearInterval(sampler);
  peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
  console.log(
    `${name.padEnd(11)} audit package of ${PACKAGE_FILES.toLocaleString("en")} evidence files (${mb(PACKAGE_FILES * PACKAGE_FILE_MB * 1024 * 1024)}): ${(ms / 1000).toFixed(1)} s (${mb(statSync(out).size)} ZIP, ${built.files} files), peak RSS of the packaging process ${mb(peak)} (Node.js and tsx alone ${mb(startRss)}, modules loaded and database open ${mb(before)}, peak until the data was collected ${mb(collected ?? peak)}; load average ${loadAverage(1)})`,
  );
  rmSync(path.dirname(out), { recursive: true, force: true });
}
