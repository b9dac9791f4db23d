import { postOnly } from "@/lib/http/post-only";
import { drawSample } from "@/lib/collectors/audit/population";
import { sampleSchema } from "@/lib/collectors/audit/schemas";
import { invalid } from "@/lib/errors";
import { toCsv } from "@/lib/export/csv";
import { sessionRoute } from "@/lib/http/api-route";
import { attachmentDisposition } from "@/lib/http/content-disposition";

// POST /api/audit/sample?criterion=…&action=…&from=…&to=…&n=…&seed=… — the sample as CSV: same
// parameters and seed, same events.
export const POST = sessionRoute("audit.read", async (req, user) => {
  const parsed = sampleSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(
      issue?.message ?? "Check the sample parameters.",
      issue?.path[0] === undefined ? undefined : String(issue.path[0]),
    );
  }
  const r = await drawSample(user, parsed.data);
  const csv = toCsv(
    [
      "population",
      "seed",
      "id",
      "occurred_at",
      "action",
      "actor",
      "organisation",
      "ip",
      "outcome",
      "target",
    ],
    r.sample.map((e) => [
      r.population,
      r.seed,
      e.id,
      e.occurredAt,
      e.action,
      e.actor,
      e.organisation,
      e.ip,
      e.outcome,
      e.target,
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": attachmentDisposition(
        `sample-${parsed.data.criterion}-${parsed.data.action}-${r.seed}.csv`,
      ),
      "Cache-Control": "private, no-store",
    },
  });
});

// Recorded in the activity log, so POST only (issue 10: a GET never writes to the log).
export const GET = postOnly("An audit-event sample");
