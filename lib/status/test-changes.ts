// After a test run status re-reads only the controls the run changed, from the notes the
// triggers of migration status_test_changes keep: re-reading a year of runs of every mapped
// control to learn of one run was 30–40 ms a query on PGlite, and the request after a nightly run
// is one users meet daily.
import type { Tx } from "@/lib/db/tx";
import { Prisma } from "@/lib/generated/prisma/client";

/** The note that stands for every control (a TRUNCATE of test_run_controls). */
export const EVERY_CONTROL = "00000000-0000-0000-0000-000000000000";
/** How many versions of the tests part the notes are kept for (status_bump_version drops older). */
export const KEPT_VERSIONS = 1000n;

/**
 * The controls whose test runs changed in the versions of the tests part after `since` up to
 * `upTo`; null when that is not known (notes dropped, or a TRUNCATE): every control then.
 */
export async function controlsChanged(
  prisma: Tx,
  since: bigint,
  upTo: bigint,
): Promise<string[] | null> {
  if (upTo <= since) return [];
  // The current version in the same statement, so the same snapshot: notes newer than it minus
  // KEPT_VERSIONS were all still there.
  const [row] = await prisma.$queryRaw<{ current: bigint; ids: string[] }[]>`
    SELECT (SELECT "version" FROM "status_data_version" WHERE "id" = 2) AS current,
           coalesce(array_agg(DISTINCT "control_id"::text), '{}') AS ids
    FROM "status_test_changes" WHERE "version" > ${since} AND "version" <= ${upTo}`;
  if (!row || since <= row.current - KEPT_VERSIONS || row.ids.includes(EVERY_CONTROL)) return null;
  return row.ids;
}

/** A condition on `t.control_id` (test_run_controls) to read only `controls`' rows; none for null. */
export const controlsIn = (controls: string[] | null) =>
  controls ? Prisma.sql`AND t.control_id = ANY(${controls}::uuid[])` : Prisma.empty;

export type ChangedControls = (since: bigint, upTo: bigint) => Promise<string[] | null>;

/** controlsChanged of one database, each range asked for read once (two pieces ask for it). */
export function changesReader(prisma: Tx): ChangedControls {
  const read = new Map<string, Promise<string[] | null>>();
  return (since, upTo) => {
    const key = `${since}-${upTo}`;
    let out = read.get(key);
    if (!out) read.set(key, (out = controlsChanged(prisma, since, upTo)));
    return out;
  };
}

/** What a per-control map was loaded for: the tests part's version, and what else it depends on. */
const loadedFor = new WeakMap<object, { version: bigint; over: string }>();

/**
 * A per-control map as of version `upTo` of the tests part (and `over`, what else it depends on,
 * as the period): `previous` with the controls whose test runs changed since it was loaded
 * (`changed`) read again by `load(ids)`; all of it read by `load(null)` when there is no previous
 * map loaded here for the same `over`, or what changed is not known. A control `load(ids)`
 * returns nothing for has nothing.
 */
export async function updatedPerControl<T>(
  changed: ChangedControls,
  upTo: bigint,
  over: string,
  previous: Promise<Map<string, T>> | undefined,
  load: (ids: string[] | null) => Promise<Map<string, T>>,
): Promise<Map<string, T>> {
  const last = await previous?.catch(() => undefined);
  const was = last && loadedFor.get(last);
  const ids = was?.over === over ? await changed(was.version, upTo) : null;
  let out: Map<string, T>;
  if (ids === null) out = await load(null);
  else {
    out = new Map(last);
    const fresh = ids.length > 0 ? await load(ids) : new Map<string, T>();
    for (const id of ids) {
      const value = fresh.get(id);
      if (value === undefined) out.delete(id);
      else out.set(id, value);
    }
  }
  loadedFor.set(out, { version: upTo, over });
  return out;
}
