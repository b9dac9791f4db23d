import type { Tx } from "@/lib/db/tx";
import { controlsIn } from "./test-changes";
import type { Signal } from "./types";

interface Row {
  control_id: string;
  run_id: string;
  total: number;
  failing: number;
  names: string[] | null;
}

/**
 * For each control (of `controls`, when given), its latest test run: failing mapped tests make it
 * at risk, naming them.
 */
export async function testSignals(
  prisma: Tx,
  controls: string[] | null = null,
): Promise<Map<string, Signal[]>> {
  // From the per-run totals a trigger keeps (test_run_controls), not the cases themselves: a
  // year of nightly runs is a few rows per control here, and 700,000 cases there.
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT DISTINCT ON (t.control_id) t.control_id::text AS control_id, t.run_id::text AS run_id,
           t.total, t.failing, t.failing_names AS names
    FROM "test_run_controls" t JOIN "test_runs" r ON r.id = t.run_id
    -- A run stale for this control (not_current_controls) does not count for it (issue 10).
    WHERE r.not_current_reason IS NULL
      AND NOT (t.control_id = ANY (coalesce(r.not_current_controls, '{}')))
      ${controlsIn(controls)}
    ORDER BY t.control_id, r.started_at DESC, r.ingested_at DESC, r.id DESC`;
  const out = new Map<string, Signal[]>();
  for (const r of rows) {
    if (r.failing === 0) continue;
    const more =
      r.failing > (r.names?.length ?? 0) ? ` and ${r.failing - (r.names?.length ?? 0)} more` : "";
    out.set(r.control_id, [
      {
        effect: "at_risk",
        text: `${r.failing} of ${r.total} mapped tests failing in the latest run: ${(r.names ?? []).join(", ")}${more}`,
        source: { type: "signal", id: r.run_id, label: "latest test run" },
      },
    ]);
  }
  return out;
}
