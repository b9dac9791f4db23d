// Seed 002 (BL-131/135/136, prepared and awaiting deployment) and the three low-priority
// defense-in-depth recommendations of seed 000, as backlog items.
import type { Risk } from "@/lib/backlog/schemas";

export interface DemoBacklogItem {
  key: string | null;
  title: string;
  description: string;
  priority: "P0" | "P1" | "P2" | "P3";
  status: "open" | "awaiting_deployment";
  at: string;
  controls: string[];
  criteria: string[];
  checklist: string[];
  riskBefore: Risk | null;
  riskAfter: Risk | null;
  originNote: string;
}

const REPORT_002 =
  "Database Security Remediation Report, Session 7 (2026-02-10): migrations/2026-02-10-session7-rls-security-hardening.sql, prepared, awaiting manual execution";
const REPORT_000 =
  "SOC 2 Query Audit Report (2026-01-03), defense-in-depth recommendations: nice-to-have, not required for SOC 2";

export const DEMO_BACKLOG: DemoBacklogItem[] = [
  {
    key: "BL-131",
    title: "Row Level Security policies missing on 39 multi-tenant tables",
    description: [
      "Enable PostgreSQL Row Level Security (RLS) on 39 tables to enforce multi-tenant isolation at the database level, preventing cross-organization data leaks even if application code has bugs.",
      "Policy per table: USING/WITH CHECK (organization_id = current_setting('app.current_org_id', true)::uuid); the users table uses a join through org_members.",
      "Before: an application bug allowing /api/calls/:id without org filter is a full data breach (CVSS 9.1 Critical, Broken Access Control). Requires the Workers API to SET app.current_org_id on every connection.",
      "Tables: ai_call_events, ai_summaries, artifacts, bond_ai_copilot_contexts, campaigns, campaign_calls, collection_accounts, collection_calls, collection_csv_imports, collection_letters, collection_payments, collection_tasks, compliance_monitoring, crm_contacts, crm_interactions, customer_history, disposition_outcomes, disposition_workflows, email_logs, ivr_sessions, org_members, org_roles, plan_usage_limits, role_permissions, sip_trunks, surveys, team_invites, telnyx_call_events, usage_meters, users, verification_codes, voice_configs, webhook_event_types, webhook_retry_history, webrtc_credentials, webrtc_sessions, call_confirmations, recordings, tool_access.",
    ].join("\n\n"),
    priority: "P0",
    status: "awaiting_deployment",
    at: "2026-02-10T09:00:00Z",
    controls: ["Tenant Isolation"],
    criteria: ["CC6.1"],
    checklist: [
      "Run Query 1: All 39 tables show rowsecurity = true",
      "Run Query 2: All 39 tables have org_isolation_* policy",
      "Test RLS enforcement: Cross-org query blocked by database",
    ],
    riskBefore: {
      risk: "Multi-tenant data breach",
      likelihood: "medium",
      impact: "catastrophic",
      cvss: 9.1,
    },
    riskAfter: {
      risk: "Multi-tenant data breach (requires both application code bug AND middleware bypass)",
      likelihood: "very_low",
      impact: "catastrophic",
      cvss: 3.2,
    },
    originNote: REPORT_002,
  },
  {
    key: "BL-135",
    title: "Performance indexes missing on organization_id (39 tables)",
    description:
      "Create btree indexes on organization_id for all 39 tables with CREATE INDEX CONCURRENTLY (zero downtime) to eliminate full table scans on tenant-scoped queries. Example: campaigns with 10,000 records, 45.2 ms seq scan → 0.8 ms index scan. Estimated build 10–15 minutes, 50–100 MB of disk.",
    priority: "P1",
    status: "awaiting_deployment",
    at: "2026-02-10T09:00:00Z",
    controls: ["Performance Monitoring"],
    criteria: [],
    checklist: [
      "Run Query 3: All 39 indexes exist (idx_*_org_id)",
      "Test query performance: Verify index scan usage in EXPLAIN ANALYZE",
      "Check disk space: Indexes consume expected space",
    ],
    riskBefore: {
      risk: "Performance degradation",
      likelihood: "high",
      impact: "medium",
      cvss: null,
    },
    riskAfter: { risk: "Performance degradation", likelihood: "low", impact: "low", cvss: null },
    originNote: REPORT_002,
  },
  {
    key: "BL-136",
    title: "Audit trail timestamps (updated_at) missing on 28 tables",
    description:
      'Add an updated_at TIMESTAMPTZ column and an auto-update trigger (update_timestamp()) to 28 business-critical tables. Before: cannot answer the audit question "When was this record last modified?"; no change tracking for compliance investigations. 11 of the 39 tables already had updated_at.',
    priority: "P1",
    status: "awaiting_deployment",
    at: "2026-02-10T09:00:00Z",
    controls: ["Audit Trail Completeness"],
    criteria: [],
    checklist: [
      "Run Query 4: All 28 tables have updated_at column",
      "Run Query 5: All tables have update_*_timestamp trigger",
      "Test auto-update: Modify record, verify timestamp changes",
    ],
    riskBefore: {
      risk: "Compliance audit failure",
      likelihood: "medium",
      impact: "high",
      cvss: null,
    },
    riskAfter: {
      risk: "Compliance audit failure",
      likelihood: "very_low",
      impact: "high",
      cvss: null,
    },
    originNote: REPORT_002,
  },
  ...[
    [
      "api_keys.rs UPDATE queries: add AND org_id = $Y",
      "crates/api/src/routes/api_keys.rs lines 494, 504, 519, 534, 543, 585, 681. Current: UPDATE api_keys SET ... WHERE id = $X. Improvement: add AND org_id = $Y to the UPDATE clauses. Risk: LOW - ownership already validated in prior query.",
    ],
    [
      "invoices UPDATE (billing.rs:1838): add AND org_id = $2",
      "Current: UPDATE invoices SET status = 'paid' ... WHERE id = $1. Improvement: add AND org_id = $2. Risk: LOW - ownership already validated.",
    ],
    [
      "pin.rs UPDATE queries: add AND org_id = $Y",
      "Current: UPDATE api_keys SET ... WHERE id = $X. Improvement: add AND org_id = $Y. Risk: LOW - keys fetched with org_id filter first.",
    ],
  ].map(([title = "", description = ""]): DemoBacklogItem => ({
    key: null,
    title: `Defense in depth: ${title}`,
    description,
    priority: "P3",
    status: "open",
    at: "2026-01-03T12:00:00Z",
    controls: ["Tenant Isolation"],
    criteria: ["CC6.1"],
    checklist: [],
    riskBefore: null,
    riskAfter: null,
    originNote: REPORT_000,
  })),
];
