// A plain GET form: the browser downloads the CSV the route handler returns.
export function ExportButton({ table }: { table: "criteria" | "controls" | "evidence" }) {
  return (
    <form method="get" action={`/api/export/${table}`}>
      <button
        type="submit"
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        data-testid={`export-${table}`}
      >
        Export CSV
      </button>
    </form>
  );
}
