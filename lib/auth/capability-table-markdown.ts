// The README's roles table, generated from the one capability table (capabilities.ts). A unit
// test compares README.md's section between the capabilities markers with this output, so the
// documentation cannot drift from what authorize() enforces. Print it with
// `npx tsx lib/tooling/capability-table.ts`.
import {
  CAPABILITIES,
  CAPABILITY_LABELS,
  ROLE_CAPABILITIES,
  TOKEN_SCOPES,
  TOKEN_SCOPE_CAPABILITIES,
} from "./capabilities";
import type { Role } from "@/lib/generated/prisma/enums";

const ROLES: readonly Role[] = ["admin", "engineer", "auditor"];

export const CAPABILITIES_START = "<!-- capabilities:start -->";
export const CAPABILITIES_END = "<!-- capabilities:end -->";

/** One row per capability: what it allows, then ✓ for each role and token scope holding it. */
export function capabilityTableMarkdown(): string {
  const header = [
    "Capability",
    "Allows",
    ...ROLES.map((r) => `\`${r}\``),
    ...TOKEN_SCOPES.map((s) => `token \`${s}\``),
  ];
  const rows = CAPABILITIES.map((c) => [
    `\`${c}\``,
    CAPABILITY_LABELS[c],
    ...ROLES.map((r) => (ROLE_CAPABILITIES[r].includes(c) ? "✓" : "")),
    ...TOKEN_SCOPES.map((s) => (TOKEN_SCOPE_CAPABILITIES[s].includes(c) ? "✓" : "")),
  ]);
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`.replace(/ {2}\|/g, " |");
  const rule = `|${header.map((_, i) => (i < 2 ? " --- " : " :-: ")).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

/**
 * The README text between the markers, each line trimmed (the table may be indented under a list
 * item); null when the markers are missing.
 */
export function readmeCapabilitySection(readme: string): string | null {
  const start = readme.indexOf(CAPABILITIES_START);
  const end = readme.indexOf(CAPABILITIES_END);
  if (start < 0 || end < start) return null;
  return readme
    .slice(start + CAPABILITIES_START.length, end)
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .trim();
}
