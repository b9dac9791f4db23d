import { getSessionUser } from "@/lib/auth/session";
import { readRevision } from "@/lib/evidence/evidence";

// Downloads are always attachments with a fixed type handling, so an uploaded HTML or SVG
// file can never run in Trustboard's origin.
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ id: string; number: string }> },
) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to download evidence." }, { status: 401 });
  const { id, number } = await params;
  const n = Number(number);
  if (!/^[0-9a-f-]{36}$/.test(id) || !Number.isInteger(n) || n < 1)
    return Response.json({ error: "No such revision." }, { status: 404 });
  const file = await readRevision(user, id, n);
  if (!file) return Response.json({ error: "No such revision." }, { status: 404 });
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
      "Cache-Control": "private, no-store",
      Digest: `sha-256=${Buffer.from(file.sha256, "hex").toString("base64")}`,
    },
  });
}
