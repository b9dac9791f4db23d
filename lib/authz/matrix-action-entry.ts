// What a registry entry for a server action is, and the sample uploads several entries (and the
// route registry) send. Kept apart from the registry's tables so that the per-area tables
// (matrix-*-actions.ts) and matrix-routes.ts can share them without importing each other.
import type { Capability } from "@/lib/auth/capabilities";
import type { MatrixContext } from "./matrix-context";

/** Form fields: a list is sent as a repeated field. */
export type FormFields = Record<string, string | string[] | File>;

export interface ActionEntry {
  /** What the action requires; "public" for what an anonymous visitor must reach (sign-in, sign-out, first-run setup). */
  capability: Capability | "public";
  /** A valid form for the seeded records (the action is called as `action(initialState, form)`). */
  form?: (ctx: MatrixContext) => FormFields;
  /** The arguments, for an action that is not a form action. */
  args?: (ctx: MatrixContext) => unknown[];
  /** Why even the first allowed call cannot succeed (it must then fail on that business rule, not on authorization). */
  business?: string;
}

/** Entries keyed by file name in lib/actions, then by export name. */
export type ActionTable = Record<string, Record<string, ActionEntry>>;

export const file = (content: string, name: string, type: string) =>
  new File([content], name, { type });

/** A one-case JUnit report whose case name no earlier call used. */
export const junit = (ctx: MatrixContext) => {
  const name = ctx.unique("matrix case");
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="matrix" tests="1" failures="0" errors="0" skipped="0" time="0.01">
  <testcase classname="matrix" name="${name}" time="0.01"/>
</testsuite>
`;
};

/** One JSON-lines audit event (a login) by an actor no earlier call used. */
export const auditLines = (ctx: MatrixContext) =>
  JSON.stringify({
    timestamp: new Date().toISOString(),
    action: "login",
    actor: `${ctx.unique("matrix")}@example.test`,
  }) + "\n";

/**
 * One table from the areas' tables. A file named in two of them would silently lose one table's
 * entries to the other (and the coverage test would then blame the wrong place), so that throws.
 */
export function composeActionTables(...tables: ActionTable[]): ActionTable {
  const all: ActionTable = {};
  for (const table of tables)
    for (const [file, entries] of Object.entries(table)) {
      if (all[file]) throw new Error(`${file} has entries in two matrix tables`);
      all[file] = entries;
    }
  return all;
}
