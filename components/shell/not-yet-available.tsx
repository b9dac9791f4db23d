import { EmptyState, PageHeader } from "@/components/ui/page-header";

export function NotYetAvailable({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <EmptyState title={`${title} are not available yet`} testId="not-yet-available">
        <p>{what}</p>
        <p className="mt-2">Meanwhile, choose the categories in scope under Settings and browse the criteria.</p>
      </EmptyState>
    </>
  );
}
