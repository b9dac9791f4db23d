// Availability criteria (A1). Part of the SOC 2 controls-mapping seed (see seed-mapping.ts).
import type { SeedCriterion } from "./seed-mapping-types";

export const AVAILABILITY_MAPPING: SeedCriterion[] = [
  {
    id: "A1.2",
    items: [
      {
        title: "Database Backups",
        points: [
          "PostgreSQL WAL archiving (configurable)",
          "Point-in-time recovery capability",
          "Backup retention policy",
        ],
        locations: ["Database configuration (deployment)"],
      },
      {
        title: "Data Integrity",
        points: ["Foreign key constraints", "Unique constraints", "Check constraints on enums"],
        locations: ["All model definitions"],
      },
      {
        title: "Transaction Atomicity",
        points: [
          "`@transaction.atomic` on critical operations",
          "Rollback on failures",
          "Data consistency guaranteed",
        ],
        locations: ["apps/accounts/views/auth.py:register()"],
      },
    ],
    evidence: [
      "Transaction tests: `test_registration_atomic_transaction_rollback_on_failure`",
      "Database constraints: All models",
      "Backup configuration: Deployment docs (future)",
    ],
  },
];
