import { z } from "zod";
import { db } from "@/lib/db";
import { UserError } from "@/lib/auth/guard";
import { authenticateToken } from "@/lib/collectors/tokens";
import { readLimited } from "@/lib/collectors/read-body";
import { ingestTestResults } from "@/lib/collectors/test-results/ingest";
import { MAX_RESULT_BYTES } from "@/lib/collectors/test-results/parse";
import { TestResultParseError } from "@/lib/collectors/test-results/types";

const meta = z.object({
  source: z.string().trim().max(200).optional(),
  commit: z.string().trim().max(100).optional(),
  branch: z.string().trim().max(200).optional(),
  ciUrl: z.url({ protocol: /^https?$/ }).max(2000).optional(),
});

const fail = (status: number, error: string) => Response.json({ error }, { status });

// POST /api/v1/test-results — JUnit XML or CTRF JSON from CI, as the raw body or a multipart
// "file" field, with a Bearer token holding the "ingest" scope.
export async function POST(req: Request) {
  const prisma = await db();
  const auth = await authenticateToken(prisma, req.headers.get("authorization"), "ingest");
  if (!auth.ok) return fail(auth.status, auth.error);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_RESULT_BYTES) return fail(413, `The body is larger than ${MAX_RESULT_BYTES / 1024 / 1024} MB.`);
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const url = new URL(req.url);
  const pick = (name: string, header: string, form?: FormData) => (form?.get(name) as string | null) ?? req.headers.get(header) ?? url.searchParams.get(name) ?? undefined;
  try {
    let content: string;
    let fileName: string | null = null;
    let form: FormData | undefined;
    if (type.startsWith("multipart/form-data")) {
      form = await req.formData();
      const file = form.get("file");
      if (!(file instanceof File)) return fail(400, 'Send the results as a multipart field named "file".');
      if (file.size > MAX_RESULT_BYTES) return fail(413, `The file is larger than ${MAX_RESULT_BYTES / 1024 / 1024} MB.`);
      content = await file.text();
      fileName = file.name;
    } else if (/^(application|text)\/(xml|json)|^text\/plain|^application\/octet-stream|^$/.test(type)) {
      content = new TextDecoder().decode(await readLimited(req.body, MAX_RESULT_BYTES));
    } else {
      return fail(415, `Unsupported Content-Type "${type}": send XML, JSON or multipart/form-data.`);
    }
    const m = meta.safeParse({
      source: pick("source", "x-trustboard-source", form),
      commit: pick("commit", "x-trustboard-commit", form),
      branch: pick("branch", "x-trustboard-branch", form),
      ciUrl: pick("ciUrl", "x-trustboard-ci-url", form),
    });
    if (!m.success) return fail(400, `Invalid ${String(m.error.issues[0].path[0])}: ${m.error.issues[0].message}`);
    const result = await ingestTestResults(prisma, auth.actor, content, { ...m.data, fileName, via: "api" });
    return Response.json({ runId: result.runId, duplicate: result.duplicate, totals: result.totals, mapped: result.mapped }, { status: result.duplicate ? 200 : 201 });
  } catch (err) {
    if (err instanceof TestResultParseError || err instanceof UserError) return fail(err instanceof UserError && /larger/.test(err.message) ? 413 : 400, err.message);
    console.error("[api] test-results:", err instanceof Error ? err.message : err);
    return fail(500, "Ingestion failed on the server; nothing was stored.");
  }
}
