// How the authorization matrix sees what a call changed: a digest of every table but the
// activity log (so an update is seen, not only an insert or a delete), and the activity rows
// recorded since a point, where a refusal must be logged and nothing else.
import { db } from "@/lib/db";

export interface TableWatch {
  /** How many tables are watched (the test checks it is not suspiciously few). */
  tables: number;
  /** Each table's row count and contents digest, by table name. */
  state(): Promise<Map<string, string>>;
}

export async function watchTables(): Promise<TableWatch> {
  const prisma = await db();
  // One query for the state of every table but the activity log: row count and a digest of
  // every row's contents (so an update is seen, not only an insert or a delete).
  const tables = await prisma.$queryRaw<{ t: string }[]>`
    SELECT table_name::text AS t FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'activity'
    ORDER BY 1`;
  const snapshotSql = tables
    .map(
      ({ t }) =>
        `SELECT '${t.replaceAll("'", "''")}' AS t, count(*)::int AS n, coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS h FROM "${t.replaceAll('"', '""')}" x`,
    )
    .join(" UNION ALL ");
  return {
    tables: tables.length,
    state: async () => {
      const rows = await prisma.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(snapshotSql);
      return new Map(rows.map((r) => [r.t, `${r.n} rows ${r.h}`]));
    },
  };
}

/** The activity log's last sequence number, to read what a call records after it. */
export async function lastSeq(): Promise<string> {
  const [row] = await (
    await db()
  ).$queryRaw<{ s: string }[]>`SELECT coalesce(max(seq), 0)::text AS s FROM activity`;
  return row!.s;
}

export async function activitySince(seq: string) {
  return (await db()).$queryRaw<
    { action: string; actorId: string | null; actorEmail: string }[]
  >`SELECT action, actor_id::text AS "actorId", actor_email AS "actorEmail"
    FROM activity WHERE seq > ${seq}::bigint ORDER BY seq`;
}

export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}
