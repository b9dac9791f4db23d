import { db } from "@/lib/db";
import { UserError } from "@/lib/auth/guard";
import { authenticateToken } from "@/lib/collectors/tokens";
import { readLimited } from "@/lib/collectors/read-body";
import { findingBodySchema, pushFinding } from "@/lib/backlog/push-finding";

const MAX = 1024 * 1024;
const fail = (status: number, error: string) => Response.json({ error }, { status });

// POST /api/v1/findings — one finding as JSON, with a Bearer token holding the "ingest" scope.
export async function POST(req: Request) {
  const prisma = await db();
  const auth = await authenticateToken(prisma, req.headers.get("authorization"), "ingest");
  if (!auth.ok) return fail(auth.status, auth.error);
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json"))
    return fail(415, "Send the finding as application/json.");
  try {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(await readLimited(req.body, MAX)));
    } catch (err) {
      if (err instanceof UserError) return fail(413, "The body is larger than 1 MB.");
      return fail(400, "The body is not valid JSON.");
    }
    const parsed = findingBodySchema.safeParse(json);
    if (!parsed.success)
      return fail(
        400,
        parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
      );
    const r = await pushFinding(prisma, auth.actor, parsed.data);
    return Response.json({ ...r, url: `/backlog/${r.key}` }, { status: r.created ? 201 : 200 });
  } catch (err) {
    if (err instanceof UserError) return fail(400, err.message);
    console.error("[api] findings:", err instanceof Error ? err.message : err);
    return fail(500, "The finding could not be stored; nothing was saved.");
  }
}
