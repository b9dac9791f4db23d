import { tokenRoute } from "@/lib/http/api-route";
import { readIngestBody } from "@/lib/http/ingest-body";
import { pushFinding } from "@/lib/backlog/push-finding";
import { findingBodySchema } from "@/lib/backlog/schemas";
import { parseJsonBody } from "@/lib/validation/parse-json";

// POST /api/v1/findings — one finding as JSON, with a Bearer token holding the "ingest" scope.
export const POST = tokenRoute("findings.ingest", async (req, actor) => {
  const body = await readIngestBody(req, {
    max: 1024 * 1024,
    accept: /^application\/json/,
    describe: "the finding as application/json",
    multipart: false,
  });
  const r = await pushFinding(actor, parseJsonBody(body.content, findingBodySchema));
  return Response.json({ ...r, url: `/backlog/${r.key}` }, { status: r.created ? 201 : 200 });
});
