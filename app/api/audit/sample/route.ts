import { getSessionUser } from "@/lib/auth/session";
import { drawSample, sampleSchema } from "@/lib/collectors/audit/population";
import { toCsv } from "@/lib/export/csv";

// The sample as CSV: same parameters and seed, same events.
export async function GET(req: Request) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to export samples." }, { status: 401 });
  const parsed = sampleSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success)
    return Response.json({ error: parsed.error.issues[0].message }, { status: 400 });
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
      "Content-Disposition": `attachment; filename="sample-${parsed.data.criterion}-${parsed.data.action}-${r.seed}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
