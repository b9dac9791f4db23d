// Client-safe labels (no server imports) for evidence, shared by tables, filters and pages.
import type { ReviewState } from "@/lib/generated/prisma/enums";
import type { SecretFinding } from "./secret-scan";

/** Review states, and "expired" for evidence whose expiry has passed. */
export const REVIEW_LABEL: Record<ReviewState, string> = {
  draft: "Draft",
  in_review: "In review",
  accepted: "Accepted",
  rejected: "Rejected",
  expired: "Expired",
};

export const SECRET_KIND_LABEL: Record<SecretFinding["kind"], string> = {
  "database-url": "Database URL with a password",
  "private-key": "Private key",
  "cloud-key": "Cloud access key or API token",
  "bearer-token": "Bearer token",
  jwt: "JSON Web Token",
  "password-assignment": "Password or secret assignment",
};
