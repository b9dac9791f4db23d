import { tokenRoute } from "@/lib/http/api-route";
import { readIngestBody } from "@/lib/http/ingest-body";
import { ingestTestResults } from "@/lib/collectors/test-results/ingest";
import { MAX_RESULT_BYTES } from "@/lib/collectors/test-results/parse";
import { runMetaFrom } from "@/lib/collectors/test-results/schemas";

// POST /api/v1/test-results — JUnit XML or CTRF JSON from CI, as the raw body or a multipart
// "file" field, with a Bearer token holding the "ingest" scope.
export const POST = tokenRoute("results.ingest", async (req, actor) => {
  const body = await readIngestBody(req, {
    max: MAX_RESULT_BYTES,
    accept: /^(application|text)\/(xml|json)|^text\/plain|^application\/octet-stream|^$/,
    describe: "JUnit XML or CTRF JSON (XML, JSON or multipart/form-data)",
  });
  const meta = runMetaFrom(req, body.form);
  const r = await ingestTestResults(actor, body.content, {
    ...meta,
    fileName: body.fileName,
    via: "api",
  });
  return Response.json(
    {
      runId: r.runId,
      duplicate: r.duplicate,
      totals: r.totals,
      mapped: r.mapped,
      ignoredTags: r.ignoredTags,
      notCurrent: r.notCurrent,
    },
    { status: r.duplicate ? 200 : 201 },
  );
});
