import { tokenRoute } from "@/lib/http/api-route";
import { readIngestBody } from "@/lib/http/ingest-body";
import { parseAuditEvents } from "@/lib/collectors/audit/parse";
import { MAX_AUDIT_BYTES, storeAuditEvents } from "@/lib/collectors/audit/ingest";

// POST /api/v1/audit-events — JSON Lines, a JSON array or CSV (raw body or multipart "file"),
// with a Bearer token holding the "ingest" scope. The whole body is refused if one record is bad.
export const POST = tokenRoute("audit.ingest", async (req, actor) => {
  const body = await readIngestBody(req, {
    max: MAX_AUDIT_BYTES,
    // Any type: `curl --data-binary @events.jsonl` sends form-urlencoded, and the format is sniffed.
    accept: /^/,
    describe: "JSON Lines, a JSON array or CSV",
  });
  const r = await storeAuditEvents(actor, parseAuditEvents(body.content), "api");
  return Response.json(r, { status: r.stored > 0 ? 201 : 200 });
});
