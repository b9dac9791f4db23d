// The one table of who may do what. Roles and token scopes map to capabilities; the data layer
// checks them with authorize(), pages and components ask can() what to show, and the README's
// roles section is tested against this table. Client-safe: no server imports.
import type { Role } from "@/lib/generated/prisma/enums";

/** Every capability, with the words a refusal uses ("Your role may not …"). */
export const CAPABILITY_LABELS = {
  "workspace.read": "read the workspace (criteria, controls, status, phases, backlog)",
  "workspace.configure": "change the scope and audit period",
  "controls.write": "create, edit, archive and map controls",
  "evidence.read": "read and download evidence",
  "evidence.write": "add evidence and upload revisions",
  "evidence.review": "accept or reject evidence",
  "status.override": "override a computed status",
  "results.read": "read test results",
  "results.ingest": "ingest test results",
  "results.configure": "define test mapping rules and result directories",
  "results.pull": "pull result directories",
  "audit.read": "read and sample audit events",
  "audit.ingest": "ingest audit events",
  "audit.configure": "configure audit sources and the event-type mapping",
  "audit.pull": "pull audit sources",
  "audit.expect": "declare expected audit events",
  "phases.write": "create and edit phases and verify must-haves",
  "backlog.write": "create and change backlog items",
  "findings.ingest": "push scanner findings",
  "scans.run": "run scans (database posture, code) and record their findings",
  "scans.configure": "configure the databases the posture scan connects to",
  "data.export": "export data as CSV",
  "activity.read": "read and verify the activity log",
  "users.manage": "manage users",
  "account.manage": "change your own password and end your own sessions",
  "tokens.manage": "manage API tokens",
  "demo.load": "load the demo workspace",
  "package.create": "create audit packages",
  "package.download": "download audit packages",
  "account.security": "manage their own second factors (TOTP, passkeys, recovery codes)",
} as const;

export type Capability = keyof typeof CAPABILITY_LABELS;
export const CAPABILITIES = Object.keys(CAPABILITY_LABELS) as Capability[];

const READ: Capability[] = [
  "account.manage",
  "account.security",
  "workspace.read",
  "evidence.read",
  "results.read",
  "audit.read",
  "data.export",
];
const WRITE: Capability[] = [
  ...READ,
  "controls.write",
  "evidence.write",
  "results.ingest",
  "results.pull",
  "audit.ingest",
  "audit.pull",
  "audit.expect",
  "phases.write",
  "backlog.write",
  "scans.run",
];

export const ROLE_CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: [
    ...WRITE,
    "workspace.configure",
    "evidence.review",
    "status.override",
    "results.configure",
    "audit.configure",
    "scans.configure",
    "activity.read",
    "users.manage",
    "tokens.manage",
    "demo.load",
    "package.create",
    "package.download",
  ],
  engineer: WRITE,
  auditor: [...READ, "activity.read", "package.download"],
};

/** One scope per stream a machine may push: a CI token cannot also push audit events. */
export const TOKEN_SCOPES = ["test-results", "audit-events", "findings"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const TOKEN_SCOPE_CAPABILITIES: Record<TokenScope, readonly Capability[]> = {
  "test-results": ["results.ingest"],
  "audit-events": ["audit.ingest"],
  findings: ["findings.ingest"],
};

export const TOKEN_SCOPE_LABELS: Record<TokenScope, string> = {
  "test-results": "Test results",
  "audit-events": "Audit events",
  findings: "Findings",
};

/** For pages and components: may this signed-in user do it? (The data layer checks again.) */
export function can(user: { role: Role } | null | undefined, capability: Capability): boolean {
  return !!user && ROLE_CAPABILITIES[user.role].includes(capability);
}
