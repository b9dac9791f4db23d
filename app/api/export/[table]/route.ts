import { postOnly } from "@/lib/http/post-only";
import { isoDay } from "@/lib/dates";
import { notFound } from "@/lib/errors";
import { EXPORTS, exportCsv, type ExportName } from "@/lib/export/exports";
import { sessionRoute } from "@/lib/http/api-route";

const isExport = (table: string): table is ExportName =>
  (EXPORTS as readonly string[]).includes(table);

export const POST = sessionRoute<{ table: string }>(
  "data.export",
  async (_req, user, { table }) => {
    if (!isExport(table))
      throw notFound(`Unknown export "${table}"; use one of ${EXPORTS.join(", ")}.`);
    const csv = await exportCsv(user, table);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="trustboard-${table}-${isoDay(new Date())}.csv"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
);

// Recorded in the activity log, so POST only (issue 10: a GET never writes to the log).
export const GET = postOnly("A table export");
