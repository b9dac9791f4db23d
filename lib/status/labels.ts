// Client-safe labels (no server imports) for computed statuses, shared by badges, panels,
// filters, charts and pages.
import type { Design, Operating, Status } from "./types";

export const STATUS_LABEL: Record<Status, string> = {
  met: "Met",
  at_risk: "At risk",
  gap: "Gap",
  not_started: "Not started",
  not_applicable: "Not applicable",
};

export const DESIGN_LABEL: Record<Design, string> = {
  effective: "Implemented",
  partial: "Partly implemented",
  missing: "Not implemented",
  not_applicable: "Not applicable",
};

export const OPERATING_LABEL: Record<Operating, string> = {
  effective: "Proved over the audit period",
  partial: "Evidence stale or outside the period",
  none: "Not proved",
  not_applicable: "Not applicable",
};
