// The targets table that ends `npm run bench` (issue 15): the README's targets next to what this
// run measured, per database, so a run reads as met or not at a glance.
import type { Lane, LaneFigures } from "./bench-figures";

/**
 * The server lane's rows of issue 13 (`/coverage`, and pages requested after a change: an audit
 * event or a test run), apart from issue 15's main pages requested in a row.
 */
const COVERAGE_ROWS = /^\/coverage| after an? /;

/** figure | target | measured, per lane; "not measured" where the bench has no figure. */
export function targetsTable(pg: Lane, lite: Lane): string {
  const show = (v: number | null | undefined, unit: string) =>
    v === null || v === undefined ? "not measured" : `${v.toLocaleString("en")} ${unit}`;
  const verdict = (ok: boolean | null) => (ok === null ? "" : ok ? " ✓" : " ✗");
  const rows: [string, string, (l: NonNullable<Lane>) => string][] = [];
  const f =
    (pick: (x: LaneFigures) => number | null, unit: string, ok: (v: number) => boolean) =>
    (l: NonNullable<Lane>) => {
      const v = pick(l.figures);
      return `${show(v, unit)}${verdict(v === null ? null : ok(v))}`;
    };
  const pgIngest = pg?.figures.ingestWarmCasesPerSec ?? null;
  // PostgreSQL against 40,000 cases/s; PGlite's target is to stay within 2× of PostgreSQL's.
  const ingest =
    (pick: (x: LaneFigures) => number | null) =>
    (l: NonNullable<Lane>): string => {
      const v = pick(l.figures);
      const pgValue = pg ? pick(pg.figures) : null;
      if (v === null) return show(v, "cases/s");
      if (l === pg) return `${show(v, "cases/s")}${verdict(v >= 40_000)}`;
      if (pgValue === null) return show(v, "cases/s");
      const share = Math.round((100 * v) / pgValue);
      return `${show(v, "cases/s")}, ${share}% of PostgreSQL's${verdict(share >= 50)}`;
    };
  // PGlite's pull runs inside the process that plays its server (status loaded, full compilers):
  // printed, but the pull's targets are PostgreSQL's.
  const pgOnly =
    (pick: (x: LaneFigures) => number | null, unit: string, ok: (v: number) => boolean) =>
    (l: NonNullable<Lane>): string =>
      l === pg
        ? f(pick, unit, ok)(l)
        : `${show(pick(l.figures), unit)} (not a target: in the PGlite server's process, with status)`;
  rows.push(
    [
      "JUnit ingest, first file after a start",
      "≥ 40,000 cases/s (PGlite within 2× of PostgreSQL)",
      ingest((x) => x.ingestFirstCasesPerSec),
    ],
    [
      "JUnit ingest, warm",
      "≥ 40,000 cases/s (PGlite within 2× of PostgreSQL)",
      ingest((x) => x.ingestWarmCasesPerSec),
    ],
    [
      "Audit-event pull PostgreSQL → Trustboard",
      "≥ 100,000 events/s",
      pgOnly(
        (x) => x.pullEventsPerSec,
        "events/s",
        (v) => v >= 100_000,
      ),
    ],
    [
      "Peak RSS of the pulling process (no heap cap)",
      "< 200 MB",
      pgOnly(
        (x) => x.pullPeakRssMb,
        "MB",
        (v) => v < 200,
      ),
    ],
    [
      "Status of all 61 criteria, first",
      "< 200 ms",
      f(
        (x) => x.statusFirstMs,
        "ms",
        (v) => v < 200,
      ),
    ],
    [
      "Status of all 61 criteria, warm",
      "< 100 ms",
      f(
        (x) => x.statusWarmMs,
        "ms",
        (v) => v < 100,
      ),
    ],
    [
      "Server-rendered pages with a year of data, p95",
      "< 150 ms",
      (l) => {
        const p = Object.entries(l.figures.pagesP95Ms)
          .filter(([page]) => !COVERAGE_ROWS.test(page))
          .map(([, ms]) => ms);
        return p.length
          ? `${Math.max(...p)} ms (worst page)${verdict(Math.max(...p) < 150)}`
          : "not measured";
      },
    ],
    [
      "`/coverage` with a year of data, p95 (issue 13); the request after a change (an audit event, a test run)",
      "< 150 ms",
      (l) => {
        const p = Object.entries(l.figures.pagesP95Ms).filter(([page]) => COVERAGE_ROWS.test(page));
        return p.length
          ? p.map(([page, ms]) => `${page} ${ms} ms${verdict(ms < 150)}`).join("; ")
          : "not measured";
      },
    ],
    [
      "Server RSS after the page run",
      "< 400 MB",
      f(
        (x) => x.serverRssMb,
        "MB",
        (v) => v < 400,
      ),
    ],
    [
      "PostgreSQL posture scan, 500 tables (issue 14)",
      "< 5 s",
      f(
        (x) => x.postureScan500TablesMs,
        "ms",
        (v) => v < 5000,
      ),
    ],
    [
      "Audit events pushed over the API (JSON Lines)",
      "≥ 50,000 events/s",
      f(
        (x) => x.pushEventsPerSec,
        "events/s",
        (v) => v >= 50_000,
      ),
    ],
    [
      "Server RSS after the pushes",
      "< 400 MB",
      f(
        (x) => x.pushServerRssMb,
        "MB",
        (v) => v < 400,
      ),
    ],
    [
      "Hostile JUnit file (1.2 MB: 20,000 suite properties, 20,000 cases)",
      "ingested or refused, < 300 MB",
      (l) =>
        `${l.hostile.outcome.replace(/:.*/, "")}, peak ${l.hostile.peakRssMb} MB (${l.hostile.beforeMb} MB before it, ${l.hostile.startMb} MB Node.js and tsx)${verdict(l.hostile.peakRssMb < 300)}`,
    ],
  );
  const lines = [
    "| Figure | Target | PostgreSQL | PGlite |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      ([figure, target, measured]) =>
        `| ${figure} | ${target} | ${pg ? measured(pg) : "not measured"} | ${lite ? measured(lite) : "not measured"} |`,
    ),
  ];
  if (pg && lite && pgIngest && lite.figures.ingestWarmCasesPerSec)
    lines.push(
      "",
      `PGlite warm ingest runs at ${Math.round((100 * lite.figures.ingestWarmCasesPerSec) / pgIngest)}% of PostgreSQL's (target: at least 50%).`,
    );
  return lines.join("\n");
}
