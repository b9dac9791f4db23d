import { postOnly } from "@/lib/http/post-only";
import { notFound } from "@/lib/errors";
import { readRevision } from "@/lib/evidence/evidence";
import { revisionParamsSchema } from "@/lib/evidence/schemas";
import { sessionRoute } from "@/lib/http/api-route";
import { attachmentDisposition } from "@/lib/http/content-disposition";

// Downloads are always attachments with a fixed type handling, so an uploaded HTML or SVG
// file can never run in Trustboard's origin.
export const POST = sessionRoute<{ id: string; number: string }>(
  "evidence.read",
  async (_req, user, params) => {
    const p = revisionParamsSchema.safeParse(params);
    if (!p.success) throw notFound("No such revision.");
    const file = await readRevision(user, p.data.id, p.data.number);
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": attachmentDisposition(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox",
        "Cache-Control": "private, no-store",
        Digest: `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`,
      },
    });
  },
);

// Recorded in the activity log, so POST only (issue 10: a GET never writes to the log).
export const GET = postOnly("A revision of an evidence file");
