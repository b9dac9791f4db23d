// Seed 004, phases 0–3: the work already done or under way (items, files, migration order,
// testing checklist and next steps).
import type { DemoItem, DemoPhase } from "./demo-phase-types";

const MIGRATIONS = "supabase/migrations/";

export const STARTED_DEMO_PHASES: DemoPhase[] = [
  {
    number: 0,
    title: "Baseline Repo Audit & Guardrails",
    goal: "Implement enterprise security features for Spectyra, making it ready for SOC2-style security questionnaires and enterprise customers.",
    progress: "complete",
    items: [
      {
        text: "Auth flow documentation in apps/api/src/middleware/auth.ts",
        detail: [
          "Documents JWT vs API key auth",
          "Documents org/project inference",
          "Documents RequestContext structure",
        ],
        done: true,
        files: [
          {
            path: "apps/api/src/middleware/auth.ts",
            change: "modified",
            note: "Added comprehensive auth flow documentation",
          },
        ],
      },
      {
        text: "Tenant isolation helpers in apps/api/src/services/storage/db.ts",
        detail: [
          "requireOrg(ctx) - Enforces org context",
          "requireProject(ctx, orgId) - Enforces project context and validates org ownership",
        ],
        done: true,
        files: [
          {
            path: "apps/api/src/services/storage/db.ts",
            change: "modified",
            note: "Added tenant isolation helpers",
          },
        ],
      },
    ],
    notes: [
      "Security notes:",
      "1. Never log provider keys - Already enforced via safeLog and redaction",
      "2. All org/project access enforced server-side - Use requireOrg/requireProject helpers",
      "3. Audit log every security-relevant action - Use audit() service",
      '4. Default "no prompt storage" - Will be enforced in Phase 5',
      "5. Keep SDK integration simple - All enterprise complexity stays in dashboard/config",
    ].join("\n"),
  },
  {
    number: 1,
    title: "Strong Tenant Isolation + RBAC",
    progress: "complete",
    items: [
      {
        text: "org_settings table",
        detail: [
          "Data retention controls (data_retention_days, store_prompts, store_responses, store_internal_debug)",
          "Feature toggles (allow_semantic_cache)",
          "Security controls (allowed_ip_ranges, enforce_sso, allowed_email_domains)",
          "Provider key mode (provider_key_mode: BYOK_ONLY, VAULT_ONLY, EITHER)",
        ],
        done: true,
        files: [{ path: `${MIGRATIONS}20260127000006_enterprise_settings.sql`, change: "created" }],
      },
      {
        text: "project_settings table",
        detail: [
          "CORS controls (allowed_origins)",
          "Rate limiting (rate_limit_rps, rate_limit_burst)",
        ],
        done: true,
        files: [{ path: `${MIGRATIONS}20260127000006_enterprise_settings.sql`, change: "created" }],
      },
      {
        text: "RBAC middleware (apps/api/src/middleware/requireRole.ts)",
        detail: [
          "requireOrgRole(minRole) - Enforces minimum role (OWNER > ADMIN > DEV > BILLING > VIEWER)",
          "requireScope(scopes) - Enforces API key scopes",
        ],
        done: true,
        files: [{ path: "apps/api/src/middleware/requireRole.ts", change: "created" }],
      },
    ],
    nextSteps: [
      "Wire RBAC into org settings endpoints (OWNER/ADMIN only)",
      "Enforce org/project scoping in all storage repos (use requireOrg/requireProject)",
    ],
  },
  {
    number: 2,
    title: "API Keys v2",
    progress: "complete",
    items: [
      {
        text: "Extended api_keys table",
        detail: [
          "expires_at - Key expiration",
          "allowed_ip_ranges - IP restrictions",
          "allowed_origins - CORS origins",
          "description - Human-readable description",
        ],
        done: true,
        files: [
          { path: `${MIGRATIONS}20260127000007_api_keys_hardening.sql`, change: "created" },
          {
            path: "apps/api/src/services/storage/orgsRepo.ts",
            change: "modified",
            note: "Updated ApiKey interface and queries",
          },
        ],
      },
      {
        text: "Enhanced requireSpectyraApiKey middleware",
        detail: [
          "Checks key expiration",
          "Enforces IP restrictions",
          "(Origin restrictions to be added for browser SDK usage)",
        ],
        done: true,
        files: [
          {
            path: "apps/api/src/middleware/auth.ts",
            change: "modified",
            note: "Added expiration and IP checks",
          },
        ],
      },
    ],
    nextSteps: [
      "Add key rotation endpoints (POST /orgs/:orgId/projects/:projectId/api-keys/:keyId/rotate)",
      "Add key management UI",
    ],
  },
  {
    number: 3,
    title: "Audit Logging",
    progress: "in_progress",
    items: [
      {
        text: "audit_logs table",
        detail: [
          "Actor tracking (USER, API_KEY, SYSTEM)",
          "Action types (LOGIN, LOGOUT, KEY_CREATED, KEY_REVOKED, etc.)",
          "Target tracking (API_KEY, ORG, PROJECT, etc.)",
          "Request metadata (IP, user agent)",
          "JSONB metadata field",
        ],
        done: true,
        files: [{ path: `${MIGRATIONS}20260127000008_audit_logs.sql`, change: "created" }],
      },
      {
        text: "Audit service (apps/api/src/services/audit/audit.ts)",
        detail: [
          "audit(req, action, options) - Record audit entry",
          "systemAudit(orgId, action, options) - System-level audit",
          "Automatic redaction of sensitive data",
        ],
        done: true,
        files: [{ path: "apps/api/src/services/audit/audit.ts", change: "created" }],
      },
      {
        text: "Wired into API key creation and revocation",
        detail: ["API key creation", "API key revocation", "(More endpoints to be added)"],
        done: true,
        files: [
          {
            path: "apps/api/src/routes/auth.ts",
            change: "modified",
            note: "Added audit logging to key operations",
          },
        ],
      },
      {
        kind: "ordering",
        text: "20260127000006_enterprise_settings.sql - Settings tables",
        done: false,
      },
      {
        kind: "ordering",
        text: "20260127000007_api_keys_hardening.sql - API key restrictions",
        done: false,
      },
      { kind: "ordering", text: "20260127000008_audit_logs.sql - Audit logging", done: false },
      ...[
        "Run all migrations successfully",
        "Verify org_settings created for existing orgs",
        "Verify project_settings created for existing projects",
        "Test RBAC middleware (requireOrgRole)",
        "Test API key expiration",
        "Test API key IP restrictions",
        "Verify audit logs are created for key operations",
        "Test tenant isolation helpers (requireOrg, requireProject)",
      ].map((text): DemoItem => ({ kind: "testing", text, done: false })),
    ],
    nextSteps: [
      "Wire audit logging into login/logout",
      "Wire audit logging into settings updates",
      "Wire audit logging into provider key operations",
      "Wire audit logging into export operations",
      "Wire audit logging into retention operations",
      "Add audit log export endpoint (GET /orgs/:orgId/audit-logs/export)",
    ],
  },
];
