import { postOnly } from "@/lib/http/post-only";
import { sessionRoute } from "@/lib/http/api-route";
import { coverageExceptionsCsv } from "@/lib/coverage/coverage-view";
import { coverageFilterSchema } from "@/lib/coverage/schemas";
import { isoDay } from "@/lib/dates";

// POST /api/coverage/exceptions?criterion=…&owner=…&frequency=…&category=… — uncovered intervals
// and exceptions of the controls the same filters show on /coverage, as CSV.
export const POST = sessionRoute("data.export", async (req, user) => {
  const filter = coverageFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const csv = await coverageExceptionsCsv(user, filter);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="trustboard-coverage-exceptions-${isoDay(new Date())}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
});

// Recorded in the activity log, so POST only (issue 10: a GET never writes to the log).
export const GET = postOnly("The coverage exceptions export");
