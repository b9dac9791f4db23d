// Common criteria CC8: change management. Part of the SOC 2 controls-mapping seed (see seed-mapping.ts).
import type { SeedCriterion } from "./seed-mapping-types";

export const CHANGE_MANAGEMENT_MAPPING: SeedCriterion[] = [
  {
    id: "CC8.1",
    items: [
      {
        title: "Migration System",
        points: [
          "Django migrations track all schema changes",
          "Migrations tested before deployment",
          "Rollback capability",
        ],
        locations: ["apps/*/migrations/"],
      },
      {
        title: "Code Review Process",
        points: [
          "Pull requests required for changes",
          "Security-sensitive changes flagged",
          "Tenant isolation verification",
        ],
        locations: ["Development workflow (not in code)"],
      },
      {
        title: "Testing Before Deployment",
        points: [
          "Comprehensive test suite (900+ tests)",
          "CI/CD automated testing",
          "Test database isolated from production",
        ],
        locations: ["pytest.ini", "test suite"],
      },
      {
        title: "Documentation",
        points: [
          "ADRs for architectural decisions",
          "Security best practices guide",
          "Testing guide",
        ],
        locations: ["docs/"],
      },
    ],
    evidence: [
      "Migration files: All schema changes tracked",
      "Test results: 84% overall pass rate",
      "Documentation: ADRs, guides created",
    ],
  },
];
