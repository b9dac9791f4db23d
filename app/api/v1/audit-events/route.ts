import { db } from "@/lib/db";
import { UserError } from "@/lib/auth/guard";
import { authenticateToken } from "@/lib/collectors/tokens";
import { readLimited } from "@/lib/collectors/read-body";
import { AuditParseError, parseAuditEvents } from "@/lib/collectors/audit/parse";
import { storeAuditEvents } from "@/lib/collectors/audit/ingest";

const MAX = 50 * 1024 * 1024;
const fail = (status: number, error: string) => Response.json({ error }, { status });

// POST /api/v1/audit-events — JSON Lines, a JSON array or CSV (raw body or multipart "file"),
// with a Bearer token holding the "ingest" scope. The whole body is refused if one record is bad.
export async function POST(req: Request) {
  const prisma = await db();
  const auth = await authenticateToken(prisma, req.headers.get("authorization"), "ingest");
  if (!auth.ok) return fail(auth.status, auth.error);
  if (Number(req.headers.get("content-length") ?? 0) > MAX)
    return fail(413, "The body is larger than 50 MB; split it.");
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  try {
    let content: string;
    if (type.startsWith("multipart/form-data")) {
      const file = (await req.formData()).get("file");
      if (!(file instanceof File))
        return fail(400, 'Send the events as a multipart field named "file".');
      if (file.size > MAX) return fail(413, "The file is larger than 50 MB; split it.");
      content = await file.text();
    } else {
      content = new TextDecoder().decode(await readLimited(req.body, MAX));
    }
    const r = await storeAuditEvents(prisma, auth.actor, parseAuditEvents(content), "api");
    return Response.json(r, { status: r.stored > 0 ? 201 : 200 });
  } catch (err) {
    if (err instanceof AuditParseError) return fail(400, err.message);
    if (err instanceof UserError) return fail(413, err.message);
    console.error("[api] audit-events:", err instanceof Error ? err.message : err);
    return fail(500, "Ingestion failed on the server; nothing was stored.");
  }
}
