import { getSessionUser } from "@/lib/auth/session";
import { backlogCsv } from "@/lib/backlog/backlog-csv";
import { backlogFilterSchema } from "@/lib/backlog/schemas";

export async function GET(req: Request) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: "Sign in to export." }, { status: 401 });
  const filter = backlogFilterSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  const csv = await backlogCsv(user, filter);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="trustboard-backlog-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
