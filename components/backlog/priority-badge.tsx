import { PRIORITIES, SEVERITY, type Priority } from "@/lib/backlog/workflow";

const STYLE: Record<Priority, string> = {
  P0: "bg-red-600 text-white",
  P1: "bg-orange-100 text-orange-900",
  P2: "bg-amber-50 text-amber-900",
  P3: "bg-slate-100 text-slate-700",
};

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${STYLE[priority]}`}
      data-priority={priority}
    >
      {priority} {SEVERITY[priority]}
    </span>
  );
}

/** The four priorities as <option>s, labelled with their severity. */
export function PriorityOptions() {
  return PRIORITIES.map((p) => (
    <option key={p} value={p}>
      {p} {SEVERITY[p]}
    </option>
  ));
}
