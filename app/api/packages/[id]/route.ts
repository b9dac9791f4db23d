import { postOnly } from "@/lib/http/post-only";
import { notFound } from "@/lib/errors";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { sessionRoute } from "@/lib/http/api-route";
import { packageIdSchema } from "@/lib/package/schemas";
import { openStoredPackage } from "@/lib/package/stored-packages";

// POST /api/packages/{id}: the package's ZIP, streamed from the data directory (recorded).
export const POST = sessionRoute<{ id: string }>("package.download", async (_req, user, params) => {
  const p = packageIdSchema.safeParse(params);
  if (!p.success) throw notFound("No such package.");
  const file = await openStoredPackage(user, p.data.id);
  return new Response(file.stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(file.size),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});

// Recorded in the activity log, so POST only (issue 10: a GET never writes to the log).
export const GET = postOnly("An audit package");
