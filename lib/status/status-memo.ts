// Status memoised per process on the data version (rows the database bumps at the commit of any
// write to a table status reads, one per part of its input; migrations status_data_version and
// status_part_versions; workspace-status.ts passes their sum) and on the time window the
// result holds for (WorkspaceStatus.validUntil). A request after any committed change, or after
// the window, computes again; requests while a computation is running share it.
import type { WorkspaceStatus } from "./compute";

interface Entry {
  version: bigint;
  /** The `now` the status was computed for. */
  from: number;
  computing: Promise<WorkspaceStatus>;
}

export interface StatusMemo {
  entry: Entry | null;
}

/**
 * The memoised status for `now`, or a new computation. `version` must be read before `compute`
 * loads anything, so what is loaded is at least as new as the version it is kept under.
 */
export async function memoised(
  memo: StatusMemo,
  version: bigint,
  now: Date,
  compute: () => Promise<WorkspaceStatus>,
): Promise<WorkspaceStatus> {
  const t = now.getTime();
  const entry = memo.entry;
  if (entry && entry.version === version && entry.from <= t) {
    try {
      const status = await entry.computing;
      if (t < status.validUntil.getTime()) return status;
    } catch {
      // A failed computation is not kept: compute again below.
    }
  }
  const computing = compute();
  const mine: Entry = { version, from: t, computing };
  // The newest computation is the one kept (a slower, older one finishing later does not win).
  memo.entry = mine;
  try {
    return await computing;
  } catch (error) {
    if (memo.entry === mine) memo.entry = null;
    throw error;
  }
}
