// Seed 004, phases 4–10: planned, not yet started (every item still open).
import type { DemoItem, DemoPhase } from "./demo-phase-types";

const planned = (...texts: string[]): DemoItem[] => texts.map((text) => ({ text, done: false }));

export const PLANNED_DEMO_PHASES: DemoPhase[] = [
  {
    number: 4,
    title: "Provider Key Management",
    progress: "pending",
    items: planned(
      "provider_credentials table with envelope encryption",
      "Envelope encryption service (AES-256-GCM)",
      "Provider key CRUD endpoints",
      "BYOK mode enforcement",
    ),
  },
  {
    number: 5,
    title: "Data Handling & Retention",
    progress: "pending",
    items: planned(
      'Default "no prompt storage" enforcement',
      "Retention worker/cron endpoint",
      "Conditional storage based on org_settings",
    ),
  },
  {
    number: 6,
    title: "Rate Limiting & Security Headers",
    progress: "pending",
    items: planned(
      "Rate limit middleware (token bucket)",
      "CORS hardening",
      "Security headers (helmet)",
    ),
  },
  {
    number: 7,
    title: "SSO Readiness",
    progress: "pending",
    items: planned(
      "Domain allowlist enforcement",
      "SSO enforcement toggle",
      "SCIM readiness stubs",
    ),
  },
  {
    number: 8,
    title: "CI Security Gates",
    progress: "pending",
    items: [
      {
        text: "GitHub Actions workflows",
        detail: ["Dependency audit", "OSV scan", "CodeQL", "Secret scanning", "SBOM generation"],
        done: false,
      },
      ...planned("npm Trusted Publishing"),
    ],
  },
  {
    number: 9,
    title: "Enterprise Admin UI",
    progress: "pending",
    items: planned(
      "Org → Security settings page",
      "Org → API Keys management page",
      "Org → Provider Keys management page",
      "Org → Audit Logs viewer + export",
    ),
  },
  {
    number: 10,
    title: "Documentation",
    progress: "pending",
    items: planned(
      "SECURITY.md - Vulnerability disclosure",
      "DATA_HANDLING.md - What is stored by default",
      "RETENTION.md - Retention policies",
      "ENTERPRISE_SECURITY.md - SSO, RBAC, audit, encryption",
      "THREAT_MODEL.md - Lightweight threat model",
    ),
  },
];
