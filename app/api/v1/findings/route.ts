import { tokenRoute } from "@/lib/http/api-route";
import { readIngestBody } from "@/lib/http/ingest-body";
import { pushFinding } from "@/lib/backlog/push-finding";
import { findingBodySchema } from "@/lib/backlog/schemas";
import { tooLarge } from "@/lib/errors";
import { ingestSarif } from "@/lib/scanners/sarif/ingest-sarif";
import { looksLikeSarif, MAX_SARIF_BYTES } from "@/lib/scanners/sarif/parse-sarif";
import { parseJsonBody } from "@/lib/validation/parse-json";

const MAX_FINDING_BYTES = 1024 * 1024;

// POST /api/v1/findings — one finding as JSON, or a SARIF 2.1.0 log (application/sarif+json, or
// JSON with a SARIF $schema / version "2.1.0" and runs), with a Bearer token holding "ingest".
export const POST = tokenRoute("findings.ingest", async (req, actor) => {
  const body = await readIngestBody(req, {
    max: MAX_SARIF_BYTES,
    accept: /^application\/(sarif\+)?json/,
    describe: "the finding as application/json or a SARIF log as application/sarif+json",
  });
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  let json: unknown;
  try {
    json = JSON.parse(body.content.replace(/^\uFEFF/, ""));
  } catch {
    json = undefined; // parseJsonBody / ingestSarif answer with the 400.
  }
  if (
    type.startsWith("application/sarif+json") ||
    body.fileName?.endsWith(".sarif") ||
    looksLikeSarif(json)
  ) {
    const runs = await ingestSarif(actor, body.content, json);
    return Response.json({ runs }, { status: 201 });
  }
  if (body.content.length > MAX_FINDING_BYTES)
    throw tooLarge("A single finding is limited to 1 MB; nothing was stored.");
  const r = await pushFinding(actor, parseJsonBody(body.content, findingBodySchema));
  return Response.json({ ...r, url: `/backlog/${r.key}` }, { status: r.created ? 201 : 200 });
});
