import "server-only";
import { authorize } from "@/lib/auth/authorize";
import { actorRole, type Actor } from "@/lib/auth/actor";
import { recordActivity } from "@/lib/activity/record";
import { listControls } from "@/lib/controls/controls";
import { listCriteria } from "@/lib/criteria/list-criteria";
import { db } from "@/lib/db";
import { isoDay, addDays } from "@/lib/dates";
import { toCsv } from "@/lib/export/csv";
import { workspaceStatus } from "@/lib/status/workspace-status";
import type { Frequency, Interval } from "./frequency";
import { cellsFor, columnsFor, type Cell, type Column } from "./matrix";
import { PAGE_SIZE, pageWindow, type PageWindow } from "@/lib/paging/page-window";
import type { CoverageFilter } from "./schemas";
import type { ControlCoverage } from "./types";

export interface CoverageRow {
  id: string;
  ref: string;
  title: string;
  ownerName: string | null;
  criteria: string[];
  coverage: ControlCoverage;
}

export interface CoverageMatrix {
  period: Interval | null;
  columns: Column[];
  /** Every control the filters keep, in the order of their references. */
  rows: CoverageRow[];
  owners: { id: string; name: string }[];
  frequencies: Frequency[];
}

/** One page of the heat map: its rows with their cells. */
export interface CoveragePage extends CoverageMatrix {
  slice: PageWindow;
  shown: (CoverageRow & { cells: Cell[] })[];
}

/** Controls × weeks (or months) over the audit period, filtered by criterion, owner, frequency, category. */
export async function coverageMatrix(
  actor: Actor | null,
  filter: CoverageFilter,
): Promise<CoverageMatrix> {
  authorize(actor, "workspace.read");
  const [status, controls, criteria] = await Promise.all([
    workspaceStatus(actor),
    listControls(actor),
    filter.category ? listCriteria(actor) : Promise.resolve([]),
  ]);
  const period = status.coveragePeriod;
  const columns = period ? columnsFor(period) : [];
  const inCategory = new Set(
    criteria.filter((c) => c.category === filter.category).map((c) => c.id),
  );
  const owners = new Map<string, string>();
  const rows: CoverageRow[] = [];
  for (const c of controls) {
    const coverage = status.coverage.get(c.id);
    if (!coverage) continue;
    if (c.ownerId && c.ownerName) owners.set(c.ownerId, c.ownerName);
    if (status.controls.get(c.id)?.status === "not_applicable") continue;
    if (filter.criterion && !c.criteria.includes(filter.criterion)) continue;
    if (filter.owner && c.ownerId !== filter.owner) continue;
    if (filter.frequency && coverage.frequency !== filter.frequency) continue;
    if (filter.category && !c.criteria.some((id) => inCategory.has(id))) continue;
    rows.push({
      id: c.id,
      ref: c.ref,
      title: c.title,
      ownerName: c.ownerName,
      criteria: c.criteria,
      coverage,
    });
  }
  return {
    period,
    columns,
    rows,
    owners: [...owners]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    frequencies: [...new Set([...status.coverage.values()].map((c) => c.frequency))],
  };
}

/**
 * The heat map's page `page` (PAGE_SIZE controls): cells are drawn for the rows shown only (a
 * year of 120 controls was 1,500 cells and most of the page's rendering).
 */
export async function coveragePage(
  actor: Actor | null,
  filter: CoverageFilter,
  page: number,
): Promise<CoveragePage> {
  const matrix = await coverageMatrix(actor, filter);
  const slice = pageWindow(matrix.rows.length, page);
  return {
    ...matrix,
    slice,
    shown: matrix.rows
      .slice(slice.offset, slice.offset + PAGE_SIZE)
      .map((r) => ({ ...r, cells: cellsFor(r.coverage, matrix.columns) })),
  };
}

/** Uncovered intervals and exceptions of the filtered controls, for a spreadsheet (recorded). */
export async function coverageExceptionsCsv(
  actor: Actor | null,
  filter: CoverageFilter,
): Promise<string> {
  authorize(actor, "data.export");
  const { rows } = await coverageMatrix(actor, filter);
  const lines = rows.flatMap((r) => {
    const base = [r.ref, r.title, r.ownerName, r.coverage.frequency, r.criteria.join(" ")];
    const last = (end: Date) => isoDay(addDays(end, -1));
    return [
      ...r.coverage.uncovered.map((u) => [
        ...base,
        "uncovered",
        isoDay(u.start),
        last(u.end),
        u.text,
        `/controls/${r.id}#coverage`,
      ]),
      ...r.coverage.exceptions.map((e) => [
        ...base,
        e.kind,
        isoDay(e.start),
        last(e.end),
        e.text,
        e.link.type === "backlog"
          ? `/backlog/${e.link.id}`
          : e.link.type === "run"
            ? "/tests"
            : `/controls/${r.id}#coverage`,
      ]),
    ].sort(
      (a, b) =>
        String(a[0]).localeCompare(String(b[0])) || String(a[6]).localeCompare(String(b[6])),
    );
  });
  const csv = toCsv(
    [
      "control",
      "title",
      "owner",
      "frequency",
      "criteria",
      "kind",
      "from",
      "to",
      "description",
      "link",
    ],
    lines,
  );
  const filters = Object.entries(filter)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
  await (
    await db()
  ).$transaction((tx) =>
    recordActivity(tx, actor, {
      action: "export.csv",
      entityType: "coverage",
      summary: `${actor.email} (${actorRole(actor)}) exported ${lines.length} coverage exceptions as CSV${filters ? ` (${filters})` : ""}`,
    }),
  );
  return csv;
}
