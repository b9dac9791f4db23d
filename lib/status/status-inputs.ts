// What the status computation loads, in four parts with a data version each (migrations
// status_data_version and status_part_versions): the workspace's core (period, criteria,
// overrides, controls with their evidence, phases), test runs, audit events, and the backlog.
// Given the versions and a cache, a piece is loaded again only when a part it reads has moved:
// audit events arrive all day, and re-reading the controls and their evidence after each one was
// most of a page's time after a change.
import type { Tx } from "@/lib/db/tx";
import { endOfUtcDay, sharedDates } from "@/lib/dates";
import type { Interval } from "@/lib/coverage/frequency";
import {
  loadExpectedDays,
  loadOpenItems,
  loadRunDays,
  type CoverageRecords,
} from "@/lib/coverage/load-records";
import { WORKSPACE_ID } from "@/lib/workspace/id";
import { auditSignalsAt, loadExpectedLast, type AuditSignals } from "./audit-signals";
import { cachedPiece, type InputCache } from "./input-cache";
import { loadControlsForStatus, type StatusControl } from "./load-controls";
import { loadRemediation, remediationSignalsAt, type RemediationSignals } from "./remediation-load";
import { changesReader, updatedPerControl } from "./test-changes";
import { testSignals } from "./test-signals";
import type { OverrideInput, Signal } from "./types";

/** The parts' rows in "status_data_version", and the tables each covers are in the migration. */
export const PARTS = { core: 1, tests: 2, audit: 3, backlog: 4 } as const;
export type Part = keyof typeof PARTS;
export type PartVersions = Record<Part, bigint>;

/** Each part's data version; read before anything is loaded, so what is loaded is as new. */
export async function partVersions(prisma: Tx): Promise<PartVersions> {
  const rows = await prisma.$queryRaw<{ id: number; version: bigint }[]>`
    SELECT "id", "version" FROM "status_data_version"`;
  const version = (part: Part) => {
    const row = rows.find((r) => r.id === PARTS[part]);
    if (!row) throw new Error(`status_data_version has no row for ${part} (migrations)`);
    return row.version;
  };
  return Object.fromEntries(
    (Object.keys(PARTS) as Part[]).map((part) => [part, version(part)]),
  ) as PartVersions;
}

/** Input loaded by earlier computations, and the parts' versions read before this one loads. */
export interface KeptInput {
  cache: InputCache;
  versions: PartVersions;
}

export interface StatusInputs {
  /** The audit period as whole days (end exclusive), or the period asked for; null while none. */
  period: Interval | null;
  criteria: { id: string; title: string }[];
  /** Active overrides, newest first. */
  overrides: (OverrideInput & { targetType: string; targetId: string })[];
  controls: StatusControl[];
  tests: Map<string, Signal[]>;
  audit: AuditSignals;
  remediation: RemediationSignals;
  records: CoverageRecords;
}

/** An active override as the query returns it: [target type, target id, status, justification, expiry in epoch ms, by]. */
type OverrideTuple = [string, string, OverrideInput["status"], string, number, string];

/**
 * The audit period, the criteria and the active overrides (newest first) in one round trip: the
 * coverage records wait for the period, and the two small reads ride along with it instead of
 * costing round trips of their own.
 */
async function workspaceBasics(prisma: Tx) {
  const [ws] = await prisma.$queryRaw<
    {
      start: Date | null;
      end: Date | null;
      criteria: [string, string][];
      overrides: OverrideTuple[];
    }[]
  >`
    SELECT w."audit_period_start" AS start, w."audit_period_end" AS end,
           coalesce((SELECT json_agg(json_build_array(c."id", c."title") ORDER BY c."sort_order")
                     FROM "criteria" c), '[]') AS criteria,
           coalesce((SELECT json_agg(json_build_array(
                              o."target_type"::text, o."target_id", o."status"::text,
                              o."justification", floor(extract(epoch FROM o."expires_at") * 1000),
                              u."email")
                            ORDER BY o."created_at" DESC)
                     FROM "status_overrides" o JOIN "users" u ON u."id" = o."created_by_id"
                     WHERE o."revoked_at" IS NULL), '[]') AS overrides
    FROM "workspace" w WHERE w."id" = ${WORKSPACE_ID}`;
  if (!ws) throw new Error("The workspace row is missing");
  return {
    period: ws.start && ws.end ? { start: ws.start, end: endOfUtcDay(ws.end) } : null,
    criteria: ws.criteria.map(([id, title]) => ({ id, title })),
    overrides: ws.overrides.map(([targetType, targetId, status, justification, expires, by]) => ({
      targetType,
      targetId,
      status,
      justification,
      expiresAt: new Date(expires),
      by,
    })),
  };
}

const NO_RECORDS = async () => new Map();

/**
 * Everything the computation reads, as of `now`. Without `kept` every piece is loaded; with it,
 * each piece is taken from the cache when none of the parts it reads has moved since it was
 * loaded (and, for coverage records, the period is the same). What depends on `now` is derived
 * here from what was loaded, never kept. `period` replaces the workspace's audit period.
 */
export async function loadStatusInputs(
  prisma: Tx,
  now: Date,
  period?: Interval,
  kept?: KeptInput,
): Promise<StatusInputs> {
  // A loader is handed the piece it replaces (when there is one) to keep what did not change.
  const piece = <T>(
    name: string,
    parts: Part[],
    load: (previous?: Promise<T>) => Promise<T>,
    extra = "",
  ) =>
    kept
      ? cachedPiece(kept.cache, name, parts.map((p) => kept.versions[p]).join(".") + extra, load)
      : load();
  // One Date per day for the loaders' thousands of dated records (they share a few hundred days).
  const at = sharedDates();
  const changed = changesReader(prisma);
  // Raw SQL rather than the query builder here and in the loaders: nothing for Prisma's query
  // compiler to prepare in a fresh process, and no value-by-value mapping. The pieces that do
  // not depend on the period start with the query that reads it; the coverage records follow it.
  const independent = Promise.all([
    piece<StatusControl[]>("controls", ["core"], (previous) =>
      loadControlsForStatus(prisma, at, previous),
    ),
    piece<Map<string, Signal[]>>("tests", ["tests"], (previous) =>
      kept
        ? updatedPerControl(changed, kept.versions.tests, "", previous, (ids) =>
            testSignals(prisma, ids),
          )
        : testSignals(prisma),
    ),
    piece("audit", ["audit"], () => loadExpectedLast(prisma)),
    // Items' links are read through the controls (archived ones link nothing) and phases.
    piece("remediation", ["core", "backlog"], () => loadRemediation(prisma)),
  ]);
  // Not left unhandled while the period is read: its failure is awaited below.
  independent.catch(() => {});
  const basics = await piece("basics", ["core"], () => workspaceBasics(prisma));
  const coverage = period ?? basics.period;
  const over = coverage ? `@${coverage.start.getTime()}-${coverage.end.getTime()}` : "";
  const [runDays, expected, items] = await Promise.all([
    piece<CoverageRecords["runDays"]>(
      "runDays",
      ["tests"],
      !coverage
        ? NO_RECORDS
        : kept
          ? (previous) =>
              updatedPerControl(changed, kept.versions.tests, over, previous, (ids) =>
                loadRunDays(prisma, coverage, at, previous, ids),
              )
          : () => loadRunDays(prisma, coverage, at),
      over,
    ),
    piece(
      "expected",
      ["audit"],
      coverage ? () => loadExpectedDays(prisma, coverage, at) : NO_RECORDS,
      over,
    ),
    piece(
      "items",
      ["backlog"],
      coverage ? () => loadOpenItems(prisma, coverage) : NO_RECORDS,
      over,
    ),
  ]);
  const [controls, tests, expectedLast, remediation] = await independent;
  return {
    period: coverage,
    criteria: basics.criteria,
    overrides: basics.overrides,
    controls,
    tests,
    audit: auditSignalsAt(expectedLast, now),
    remediation: remediationSignalsAt(remediation, now),
    records: { runDays, expected, items },
  };
}

/**
 * What status makes of the audit part, as text: the silent expected types and, per expectation,
 * the days of the period with events. Two equal digests give the same status from the same rest.
 */
export function auditDigest(inputs: StatusInputs): string {
  const expected = [...inputs.records.expected].map(([control, list]) => [
    control,
    list.map((x) => [x.id, x.action, x.maxSilenceDays, x.days.map((d) => d.getTime())]),
  ]);
  return JSON.stringify([[...inputs.audit.signals], expected]);
}
