// Common criteria CC7: system operations (monitoring, incident response). Part of the SOC 2 controls-mapping seed (see seed-mapping.ts).
import type { SeedCriterion } from "./seed-mapping-types";

export const SYSTEM_OPERATIONS_MAPPING: SeedCriterion[] = [
  {
    id: "CC7.2",
    items: [
      {
        title: "Comprehensive Audit Logging",
        points: [
          "All security events logged",
          "25+ action types defined",
          "Searchable by user, org, action, time",
        ],
        locations: ["apps/core/audit/"],
      },
      {
        title: "Failed Login Monitoring",
        points: [
          "Failed attempts logged with IP, timestamp",
          "Rate limiting after 5 failed attempts",
          "Potential for automated alerting",
        ],
        locations: ["apps/accounts/views/auth.py"],
      },
      {
        title: "Error Tracking (Sentry)",
        points: [
          "All exceptions sent to Sentry",
          "PII filtered before sending",
          "Real-time alerting configured",
        ],
        locations: ["config/settings/production.py:sentry_sdk.init()"],
      },
      {
        title: "Performance Monitoring",
        points: [
          "Sentry performance tracing enabled",
          "Slow queries tracked",
          "Database query optimization",
        ],
        locations: ["Database indexes on audit logs"],
      },
    ],
    evidence: [
      "Audit logs: 6 database indexes for fast queries",
      "Sentry: Configured with Django, Celery, Redis integrations",
      "Error catalog: Standardized error codes",
    ],
  },
  {
    id: "CC7.3",
    items: [
      {
        title: "Security Test Suite",
        points: [
          "25+ security-specific tests",
          "Tenant isolation tests (97% pass)",
          "Authentication security tests (100% pass)",
          "Automated on every commit",
        ],
        locations: ["apps/core/tests/security/"],
      },
      {
        title: "Regular Security Review",
        points: [
          "Audit log review process",
          "Failed login pattern analysis",
          "Access denied event monitoring",
        ],
        locations: ["Documented in security best practices"],
      },
      {
        title: "Incident Response",
        points: [
          "Audit logs provide investigation trail",
          "All security events timestamped and immutable",
          "IP addresses preserved for forensics",
        ],
        locations: ["apps/core/audit/models.py"],
      },
    ],
    evidence: [
      "Test results: 89/89 accounts tests passing",
      "Security ADRs: Documented decisions",
      "Audit log queries: Example queries in ADR 002",
    ],
  },
  {
    id: "CC7.4",
    items: [
      {
        title: "Audit Trail for Investigations",
        points: [
          "Complete history of all security events",
          "Queryable by user, IP, time, action",
          "Preserved even after user deletion",
        ],
        locations: ["apps/core/audit/models.py"],
      },
      {
        title: "Suspicious Activity Detection",
        points: ["Failed login tracking", "Rate limit violations logged", "Access denied patterns"],
        locations: ["Security best practices guide"],
      },
      {
        title: "Immutable Logs",
        points: [
          "Cannot be modified or deleted",
          "Timestamps in UTC",
          "UUID primary keys prevent guessing",
        ],
        locations: ["apps/core/audit/models.py:save()` (no UPDATE allowed)"],
      },
    ],
    evidence: [
      "Audit log model: Read-only after creation",
      "Query examples: ADR 002",
      "Failed login tests: `test_login_timing_attack_resistance`",
    ],
  },
];
