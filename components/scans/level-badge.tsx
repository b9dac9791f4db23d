const STYLE: Record<string, string> = {
  error: "bg-red-100 text-red-800",
  warn: "bg-amber-100 text-amber-900",
  info: "bg-slate-100 text-slate-700",
};

export function LevelBadge({ level }: { level: string }) {
  return (
    <span
      className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STYLE[level] ?? STYLE.info}`}
      data-testid="finding-level"
    >
      {level}
    </span>
  );
}
