// The frame every section of the account pages shares: a titled card, its purpose in a line,
// then what the section does. The heading names the section for assistive technology.
export function AccountSection({
  id,
  title,
  description,
  children,
}: {
  /** Unique on the page: the heading's id, which labels the section. */
  id: string;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6" aria-labelledby={id}>
      <h2 id={id} className="mb-1 text-lg font-semibold">
        {title}
      </h2>
      {description && <p className="mb-3 text-sm text-slate-600">{description}</p>}
      {children}
    </section>
  );
}
