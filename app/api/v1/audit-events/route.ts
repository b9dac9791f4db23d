import { tokenRoute } from "@/lib/http/api-route";
import { streamOrReadIngestBody } from "@/lib/http/ingest-body";
import { parseAuditEvents } from "@/lib/collectors/audit/parse";
import { jsonLinesCopyText } from "@/lib/collectors/audit/jsonl-stream";
import { MAX_AUDIT_BYTES, storeAuditEvents, storeAuditStream } from "@/lib/collectors/audit/ingest";

// POST /api/v1/audit-events — JSON Lines, a JSON array or CSV (raw body or multipart "file"),
// with a Bearer token holding the "audit-events" scope. The whole body is refused if one record is bad.
// A raw JSON Lines body is streamed into the database as it arrives, never held whole.
export const POST = tokenRoute("audit.ingest", async (req, actor) => {
  const body = await streamOrReadIngestBody(req, {
    max: MAX_AUDIT_BYTES,
    // Any type: `curl --data-binary @events.jsonl` sends form-urlencoded, and the format is sniffed.
    accept: /^/,
    describe: "JSON Lines, a JSON array or CSV",
    streamIf: (first) => first === 0x7b, // "{": JSON Lines
  });
  const r =
    "stream" in body
      ? await storeAuditStream(
          actor,
          (tally) => jsonLinesCopyText(body.stream, tally, MAX_AUDIT_BYTES),
          "api",
        )
      : await storeAuditEvents(actor, parseAuditEvents(body.read.content), "api");
  return Response.json(r, { status: r.stored > 0 ? 201 : 200 });
});
