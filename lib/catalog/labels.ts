// Client-safe labels (no server imports), shared by tables, filters and pages.
import type { CriterionCategory } from "@/lib/generated/prisma/enums";

export const CATEGORY_LABELS: Record<CriterionCategory, string> = {
  security: "Security",
  availability: "Availability",
  processing_integrity: "Processing Integrity",
  confidentiality: "Confidentiality",
  privacy: "Privacy",
};

export const CATEGORIES = Object.keys(CATEGORY_LABELS) as CriterionCategory[];
