// Client-safe labels (no server imports) for controls, shared by forms, tables and filters.
import type { ImplementationStatus } from "@/lib/generated/prisma/enums";

export const IMPLEMENTATION_LABEL: Record<ImplementationStatus, string> = {
  not_started: "Not started",
  in_progress: "In progress",
  implemented: "Implemented",
  not_applicable: "Not applicable",
};
