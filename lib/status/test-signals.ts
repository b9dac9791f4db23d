import type { Tx } from "@/lib/db/tx";
import type { Signal } from "./types";

interface Row {
  control_id: string;
  run_id: string;
  total: number;
  failing: number;
  names: string[] | null;
}

/** For each control, its latest test run: failing mapped tests make it at risk, naming them. */
export async function testSignals(prisma: Tx): Promise<Map<string, Signal[]>> {
  const rows = await prisma.$queryRaw<Row[]>`
    WITH latest AS (
      SELECT DISTINCT ON (cid) cid, r.id AS run_id
      FROM "test_case_results" c
      JOIN "test_runs" r ON r.id = c.run_id
      CROSS JOIN LATERAL unnest(c.control_ids) AS cid
      WHERE r.not_current_reason IS NULL
      ORDER BY cid, r.started_at DESC, r.ingested_at DESC
    )
    SELECT l.cid::text AS control_id, l.run_id::text AS run_id,
           count(*) FILTER (WHERE c.status <> 'skipped')::int AS total,
           count(*) FILTER (WHERE c.status IN ('failed', 'errored'))::int AS failing,
           (array_agg(c.name ORDER BY c.name) FILTER (WHERE c.status IN ('failed', 'errored')))[1:5] AS names
    FROM latest l
    JOIN "test_case_results" c ON c.run_id = l.run_id AND l.cid = ANY (c.control_ids)
    GROUP BY l.cid, l.run_id`;
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
