import { postOnly } from "@/lib/http/post-only";
import { sessionRoute } from "@/lib/http/api-route";
import { backlogCsv } from "@/lib/backlog/backlog-csv";
import { backlogFilterSchema } from "@/lib/backlog/schemas";
import { isoDay } from "@/lib/dates";

// POST /api/backlog/export?priority=…&status=…&owner=…&criterion=…&overdue=1&q=… — the filtered backlog as CSV.
export const POST = sessionRoute("data.export", async (req, user) => {
  const filter = backlogFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const csv = await backlogCsv(user, filter);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="trustboard-backlog-${isoDay(new Date())}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});

// Recorded in the activity log, so POST only (issue 10: a GET never writes to the log).
export const GET = postOnly("The backlog export");
