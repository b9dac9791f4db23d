import { getSessionUser } from "@/lib/auth/session";
import { EXPORTS, exportCsv, type ExportName } from "@/lib/export/exports";

export async function GET(_req: Request, { params }: { params: Promise<{ table: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to export." }, { status: 401 });
  const { table } = await params;
  if (!(EXPORTS as readonly string[]).includes(table))
    return Response.json(
      { error: `Unknown export "${table}"; use one of ${EXPORTS.join(", ")}.` },
      { status: 404 },
    );
  const csv = await exportCsv(user, table as ExportName);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="trustboard-${table}-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
