// Processing integrity criteria (PI1). Part of the SOC 2 controls-mapping seed (see seed-mapping.ts).
import type { SeedCriterion } from "./seed-mapping-types";

export const PROCESSING_INTEGRITY_MAPPING: SeedCriterion[] = [
  {
    id: "PI1.1",
    items: [
      {
        title: "Input Validation",
        points: [
          "Django form/serializer validation",
          "Email format validation",
          "Subdomain format validation",
        ],
        locations: ["All serializers", "forms"],
      },
      {
        title: "Data Sanitization",
        points: [
          "XSS protection (Django templates auto-escape)",
          "SQL injection prevention (ORM parameterized queries)",
          "CSRF protection enabled",
        ],
        locations: ["Django settings", "ORM usage"],
      },
      {
        title: "Business Logic Validation",
        points: ["Plan limits enforced", "Membership status validation", "Last owner protection"],
        locations: ["Model `clean()` methods"],
      },
    ],
    evidence: [
      "Validation tests: `apps/accounts/tests/test_auth_edge_cases.py::TestSecurityEdgeCases`",
      "Edge case tests: `test_xss_prevention_in_names`, `test_registration_sql_injection_attempts`",
    ],
  },
  {
    id: "PI1.4",
    items: [
      {
        title: "API Response Standards",
        points: [
          "RFC 7807 error format",
          "Consistent response structure",
          "Standardized error codes",
        ],
        locations: ["apps/core/exceptions.py", "docs/error-catalog/"],
      },
      {
        title: "Data Consistency",
        points: ["Foreign key constraints", "Atomic transactions", "Rollback on failures"],
        locations: ["Database schema", "transaction decorators"],
      },
      {
        title: "Audit Trail Completeness",
        points: [
          "All security events logged",
          "No gaps in audit trail",
          "Timestamps always recorded",
        ],
        locations: ["apps/core/audit/"],
      },
    ],
    evidence: [
      "Error catalog: Standardized error codes",
      "Transaction tests: Rollback verification",
      "Audit logs: Complete history",
    ],
  },
];
