// Generated from the SOC 2 controls-mapping seed (shared/seeds/003_*): per criterion, its
// implementation items (title, points, locations) and the evidence it lists. One file per Trust
// Services Criteria category; the order below is the seed's order.
import type { SeedCriterion } from "./seed-mapping-types";
import { LOGICAL_ACCESS_MAPPING } from "./seed-mapping-logical-access";
import { SYSTEM_OPERATIONS_MAPPING } from "./seed-mapping-system-operations";
import { CHANGE_MANAGEMENT_MAPPING } from "./seed-mapping-change-management";
import { AVAILABILITY_MAPPING } from "./seed-mapping-availability";
import { PROCESSING_INTEGRITY_MAPPING } from "./seed-mapping-processing-integrity";
import { CONFIDENTIALITY_MAPPING } from "./seed-mapping-confidentiality";

export type { SeedCriterion, SeedItem } from "./seed-mapping-types";

export const SEED_MAPPING: SeedCriterion[] = [
  ...LOGICAL_ACCESS_MAPPING,
  ...SYSTEM_OPERATIONS_MAPPING,
  ...CHANGE_MANAGEMENT_MAPPING,
  ...AVAILABILITY_MAPPING,
  ...PROCESSING_INTEGRITY_MAPPING,
  ...CONFIDENTIALITY_MAPPING,
];
