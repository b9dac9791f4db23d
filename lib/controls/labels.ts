// Client-safe labels (no server imports) for controls, shared by forms, tables and filters.
import type { ImplementationStatus } from "@/lib/generated/prisma/enums";

export const IMPLEMENTATION_LABEL: Record<ImplementationStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  implemented: "Implemented",
  not_applicable: "Not applicable",
};

/** A control as a choice in a select: its id, and its ref and title as the label. */
export const controlChoice = (c: { id: string; ref: string; title: string }) => ({
  id: c.id,
  label: `${c.ref} ${c.title}`,
});
