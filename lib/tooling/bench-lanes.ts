// A database's lane after its ingest (bench-ingest.ts, both databases in turn): the parts whose
// memory is the figure, in processes of their own, on the database the ingest left. A PGlite
// directory is opened by one process at a time: each step closes it before the next one's child
// opens it.
import type { HostileFigure } from "./bench-hostile-child";
import { runChild } from "./bench-child";
import { freshDatabase } from "./bench-database";
import { emptyFigures, type LaneFigures } from "./bench-figures";
import type { IngestFigures } from "./bench-ingest";
import { seedPackageWorkspace, PACKAGE_FILES } from "./bench-package";
import { pullLane } from "./bench-pull-lane";

/**
 * The ingest's figures, the hostile file, and with `pull` the audit-event pull and then the page
 * queries (`--pages`) on the pulled events.
 */
export async function lane(
  name: string,
  url: string | undefined,
  { dataDir, ...ingest }: IngestFigures,
  pull?: { sourceUrl: string; rows: number; prepare?: () => Promise<void> },
): Promise<{ figures: LaneFigures; hostile: HostileFigure }> {
  const figures = emptyFigures();
  Object.assign(figures, ingest);
  // Without --liftoff-only: the server that receives such a file does not run with it either.
  const hostile = await runChild<HostileFigure>(
    "--hostile",
    [url ?? "", dataDir],
    "bench-hostile-child.ts",
    [],
  );
  if (pull) {
    await pull.prepare?.();
    Object.assign(figures, await pullLane(name, url, dataDir, pull.sourceUrl, pull.rows));
    await runChild<unknown>("--pages", [name, url ?? "", dataDir]);
  }
  return { figures, hostile };
}

/** The audit-package figure: seed a workspace of evidence files, then package it in a child. */
export async function packageLane(name: string, url: string | undefined) {
  const { d, dataDir } = await freshDatabase(url);
  try {
    console.log(`Generating ${PACKAGE_FILES.toLocaleString("en")} evidence files…`);
    await seedPackageWorkspace(d);
  } finally {
    await d.close();
  }
  await runChild<unknown>("--package", [name, url ?? "", dataDir], "bench-package-child.ts");
}
