// Common criteria CC6: logical and physical access controls. Part of the SOC 2 controls-mapping seed (see seed-mapping.ts).
import type { SeedCriterion } from "./seed-mapping-types";

export const LOGICAL_ACCESS_MAPPING: SeedCriterion[] = [
  {
    id: "CC6.1",
    items: [
      {
        title: "Multi-Factor Authentication (MFA) Ready",
        points: [
          "JWT-based authentication with refresh tokens",
          "Email verification required before access",
          "Token expiration (15 min access, 7 day refresh)",
        ],
        locations: ["apps/accounts/views/auth.py"],
      },
      {
        title: "Role-Based Access Control (RBAC)",
        points: [
          "Three roles: owner, admin, member",
          "Permission checks in ViewSets",
          "Superuser access logged",
        ],
        locations: ["apps/organizations/models/membership.py"],
      },
      {
        title: "Tenant Isolation",
        points: [
          "Organization-based data segregation",
          "Automatic filtering by user's organizations",
          "Comprehensive isolation tests",
        ],
        locations: ["ADR 001", "apps/organizations/middleware/tenant.py"],
      },
      {
        title: "Audit Logging",
        points: [
          "All authentication events logged",
          "Failed login attempts tracked",
          "Access denied events recorded",
        ],
        locations: ["apps/core/audit/"],
      },
    ],
    evidence: [
      "Test suite: `apps/core/tests/security/test_tenant_isolation.py` (97% pass rate)",
      "Audit logs: Queryable in Django admin",
      "Access control tests: `apps/accounts/tests/test_auth_edge_cases.py` (100% pass)",
    ],
  },
  {
    id: "CC6.2",
    items: [
      {
        title: "Email Verification Required",
        points: [
          "Email verification token sent on registration",
          "Login blocked until email verified",
          "Token single-use and time-limited (7 days)",
        ],
        locations: ["apps/accounts/models/account.py:generate_email_verification_token()"],
      },
      {
        title: "Invite-Based Organization Access",
        points: [
          "Users cannot self-join organizations",
          "Invite sent by owner/admin",
          "Invite acceptance tracked in audit log",
        ],
        locations: ["apps/organizations/models/invite.py"],
      },
      {
        title: "Registration Audit Trail",
        points: [
          "User registration logged with timestamp, IP",
          "Email verification logged",
          "Invite acceptance logged",
        ],
        locations: ["apps/core/audit/models.py"],
      },
    ],
    evidence: [
      "Registration flow tests: `apps/accounts/tests/test_registration_flow.py` (100% pass)",
      "Email verification tests: `apps/accounts/tests/test_login_flow.py::TestEmailVerificationFlow`",
      "Audit logs: `AuditLog` table",
    ],
  },
  {
    id: "CC6.3",
    items: [
      {
        title: "Role Management",
        points: [
          "Owners can promote/demote members",
          "Admins can invite/suspend members",
          "Members have read-only access",
        ],
        locations: ["apps/organizations/views.py:OrganizationMembershipViewSet"],
      },
      {
        title: "Membership Status Tracking",
        points: [
          "Active, invited, suspended, inactive states",
          "Status changes logged in audit trail",
          "Suspended users denied access immediately",
        ],
        locations: ["apps/organizations/models/membership.py:MembershipStatus"],
      },
      {
        title: "Permission Change Logging",
        points: [
          "Role changes logged (`permission_changed` action)",
          "User suspension logged (`user_suspended`)",
          "User reactivation logged (`user_reactivated`)",
        ],
        locations: ["apps/core/audit/models.py:AuditAction"],
      },
      {
        title: "Last Owner Protection",
        points: [
          "Cannot remove last owner",
          "Must promote another member first",
          "Prevents orphaned organizations",
        ],
        locations: ["apps/organizations/models/membership.py:clean()"],
      },
    ],
    evidence: [
      "Membership tests: `apps/organizations/tests/test_membership_model.py`",
      "Role change tests: `test_owner_transfer_scenario`",
      "Audit logs: Filter by `action='permission_changed'`",
    ],
  },
  {
    id: "CC6.6",
    items: [
      {
        title: "Immediate Access Revocation",
        points: [
          "Suspended memberships deny access immediately",
          "JWT tokens blacklisted on logout",
          "Deleted users' tokens invalidated",
        ],
        locations: ["apps/organizations/middleware/tenant.py"],
      },
      {
        title: "Token Blacklisting",
        points: [
          "Refresh tokens blacklisted on logout",
          "Prevents token reuse",
          "Automatic cleanup of old blacklisted tokens",
        ],
        locations: ["SIMPLE_JWT['BLACKLIST_AFTER_ROTATION'] = True"],
      },
      {
        title: "Cascading Deletions",
        points: [
          "User deletion removes all memberships",
          "Organization deletion removes all member access",
          "Audit trail preserved even after deletion",
        ],
        locations: ["on_delete=models.SET_NULL` for audit logs"],
      },
    ],
    evidence: [
      "Logout tests: `apps/accounts/tests/test_login_flow.py::TestJWTTokenOperations`",
      "Access revocation tests: `apps/core/tests/security/test_tenant_isolation.py::test_suspended_membership_denies_access`",
    ],
  },
  {
    id: "CC6.7",
    items: [
      {
        title: "Superuser Access Logging",
        points: [
          "All superuser actions logged",
          "Automatic middleware logging",
          "Accessible only via audit trail",
        ],
        locations: ["apps/core/audit/middleware.py:AuditLoggingMiddleware"],
      },
      {
        title: "Database Access Control",
        points: [
          "PostgreSQL authentication required",
          "Credentials in environment variables only",
          "No direct database access for regular users",
        ],
        locations: ["config/settings/base.py:DATABASES"],
      },
      {
        title: "Audit Log Protection",
        points: [
          "Read-only Django admin",
          "No UPDATE or DELETE allowed",
          "Only superusers can view",
        ],
        locations: ["apps/core/audit/admin.py"],
      },
    ],
    evidence: [
      "Audit admin: Cannot add/delete audit logs",
      "Superuser logging: Automatic via middleware",
      "Database credentials: Environment variables only",
    ],
  },
  {
    id: "CC6.8",
    items: [
      {
        title: "PII Identification",
        points: [
          "Email, phone marked as PII",
          "Names considered PII",
          "IP addresses logged for security (legitimate interest)",
        ],
        locations: ["All model definitions"],
      },
      {
        title: "Sensitive Data Filtering",
        points: [
          "Passwords never logged",
          "API tokens redacted from logs",
          "Sentry PII filtering enabled",
        ],
        locations: ["config/settings/production.py:filter_sensitive_data()"],
      },
      {
        title: "Data Encryption",
        points: [
          "Passwords hashed with Argon2",
          "Database connection encrypted (TLS)",
          "HTTPS enforced in production",
        ],
        locations: ["config/settings/production.py:SECURE_SSL_REDIRECT"],
      },
    ],
    evidence: [
      "Sentry PII filter: `config/settings/production.py`",
      "Password hashing: Argon2 configuration",
      "Encrypted connections: SSL_REDIRECT enabled",
    ],
  },
];
