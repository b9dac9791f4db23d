// The authorization matrix's registry: for every server action export (lib/actions/*-actions.ts)
// and every route handler method (app/api/**/route.ts), the capability it requires and a valid
// input built from the seeded records. authorization-matrix.integration.test.ts enumerates the
// modules itself and fails for an export or method without an entry here, and for an entry whose
// export or method is gone; so adding an action means adding its line here. Routes: matrix-routes.ts.
import type { Capability } from "@/lib/auth/capabilities";
import { REQUIREMENT, UNREACHABLE_SOURCE, type MatrixContext } from "./matrix-context";

/** Form fields: a list is sent as a repeated field. */
export type FormFields = Record<string, string | string[] | File>;

export interface ActionEntry {
  /** What the action requires; "public" for what an anonymous visitor must reach (sign-in, sign-out, first-run setup). */
  capability: Capability | "public";
  /** A valid form for the seeded records (the action is called as `action(initialState, form)`). */
  form?: (ctx: MatrixContext) => FormFields;
  /** The arguments, for an action that is not a form action. */
  args?: (ctx: MatrixContext) => unknown[];
  /** Why even the first allowed call cannot succeed (it must then fail on that business rule, not on authorization). */
  business?: string;
}

const NO_SUCH_TARGET = "00000000-0000-4000-8000-0000000000aa";

const file = (content: string, name: string, type: string) => new File([content], name, { type });

export const junit = (ctx: MatrixContext) => {
  const name = ctx.unique("matrix case");
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="matrix" tests="1" failures="0" errors="0" skipped="0" time="0.01">
  <testcase classname="matrix" name="${name}" time="0.01"/>
</testsuite>
`;
};

export const auditLines = (ctx: MatrixContext) =>
  JSON.stringify({
    timestamp: new Date().toISOString(),
    action: "login",
    actor: `${ctx.unique("matrix")}@example.test`,
  }) + "\n";

/** A ZIP holding repo/q.sql ("SELECT 1;"), for the code audit's upload. */
const REPO_ZIP = Buffer.from(
  "UEsDBBQAAAAAAFtTfl1/qQ5QCgAAAAoAAAAKAAAAcmVwby9xLnNxbFNFTEVDVCAxOwpQSwECFAMUAAAAAABbU35df6kOUAoAAAAKAAAACgAAAAAAAAAAAAAAgAEAAAAAcmVwby9xLnNxbFBLBQYAAAAAAQABADgAAAAyAAAAAAA=",
  "base64",
);

/** Keyed by file name in lib/actions, then by export name. */
export const ACTIONS: Record<string, Record<string, ActionEntry>> = {
  "account-actions.ts": {
    changePasswordAction: {
      capability: "account.manage",
      form: () => ({
        current: "not the caller's password",
        password: "a new matrix passphrase",
        confirm: "a new matrix passphrase",
      }),
      business: "the form cannot know each caller's current password, so the change is refused",
    },
    signOutEverywhereAction: { capability: "account.manage", form: () => ({}) },
  },
  "activity-actions.ts": {
    verifyChainAction: { capability: "activity.read", form: () => ({}) },
  },
  "audit-actions.ts": {
    uploadAuditEventsAction: {
      capability: "audit.ingest",
      form: (ctx) => ({ file: file(auditLines(ctx), "events.jsonl", "application/x-ndjson") }),
    },
    addExpectedEventAction: {
      capability: "audit.expect",
      form: (ctx) => ({ controlId: ctx.controlId, action: "login", maxSilenceDays: "7" }),
    },
    removeExpectedEventAction: {
      capability: "audit.expect",
      form: (ctx) => ({ id: ctx.expectedEventId }),
    },
    sourceAction: {
      capability: "audit.configure",
      form: (ctx) => ({
        name: ctx.unique("matrix-source"),
        url: UNREACHABLE_SOURCE,
        tableName: "audit_log",
        cursorColumn: "id",
        col_time: "created_at",
        col_action: "action",
      }),
      business: "a source is saved only after a connection test, and nothing listens there",
    },
    pullSourceAction: {
      capability: "audit.pull",
      form: (ctx) => ({ id: ctx.auditSourceId }),
      business: "the source's database is unreachable",
    },
    pullProgressAction: {
      capability: "audit.read",
      form: (ctx) => ({ id: ctx.auditSourceId }),
    },
    mapActionAction: {
      capability: "audit.configure",
      form: () => ({ action: "matrix.mapped", criteria: "CC6.1, CC7.2" }),
    },
  },
  "auth-actions.ts": {
    loginAction: {
      capability: "public",
      form: (ctx) => ({ email: ctx.admin.email, password: ctx.admin.password }),
    },
    logoutAction: { capability: "public", form: () => ({}) },
    setupAction: {
      capability: "public",
      form: (ctx) => ({
        email: `${ctx.unique("matrix-setup")}@example.test`,
        name: "Matrix setup",
        password: "correct horse battery staple",
        confirm: "correct horse battery staple",
      }),
      business: "first-run setup is closed once an account exists",
    },
  },
  "backlog-actions.ts": {
    createBacklogItemAction: {
      capability: "backlog.write",
      form: (ctx) => ({ title: ctx.unique("Matrix item"), priority: "P2" }),
    },
    updateBacklogItemAction: {
      capability: "backlog.write",
      form: (ctx) => ({
        id: ctx.editableBacklogItemId,
        title: ctx.unique("Matrix item edited"),
        priority: "P1",
      }),
    },
    transitionBacklogItemAction: {
      capability: "backlog.write",
      form: (ctx) => ({ itemId: ctx.backlogItemId, to: "in_progress" }),
    },
    setBacklogCheckAction: {
      capability: "backlog.write",
      form: (ctx) => ({ checkId: ctx.backlogCheckId, checked: "true" }),
    },
    addBacklogCheckAction: {
      capability: "backlog.write",
      form: (ctx) => ({ itemId: ctx.backlogItemId, text: ctx.unique("Matrix check") }),
    },
    removeBacklogCheckAction: {
      capability: "backlog.write",
      form: (ctx) => ({ checkId: ctx.removableCheckId }),
    },
    trackFindingAction: {
      capability: "backlog.write",
      form: (ctx) => ({ controlId: ctx.findingControlId, finding: ctx.finding, priority: "P2" }),
    },
  },
  "control-actions.ts": {
    createControlAction: {
      capability: "controls.write",
      form: (ctx) => ({
        title: ctx.unique("Matrix control"),
        implementation: "in_progress",
        criteria: "CC6.1",
      }),
    },
    updateControlAction: {
      capability: "controls.write",
      form: (ctx) => ({
        id: ctx.controlId,
        title: "Matrix control",
        implementation: "implemented",
        frequency: "weekly",
        criteria: "CC6.1",
      }),
    },
    archiveControlAction: {
      capability: "controls.write",
      form: (ctx) => ({ id: ctx.archivableControlId, archived: "true" }),
    },
    mapCriterionAction: {
      capability: "controls.write",
      form: (ctx) => ({ criterionId: "CC6.1", controls: [ctx.controlId] }),
    },
  },
  "credential-link-actions.ts": {
    redeemLinkAction: {
      capability: "public",
      form: (ctx) => ({
        token: ctx.invitationToken,
        password: "a matrix invitee passphrase",
        confirm: "a matrix invitee passphrase",
      }),
    },
  },
  "demo-actions.ts": {
    loadDemoAction: {
      capability: "demo.load",
      form: () => ({}),
      business: "the demo loads only into an empty workspace",
    },
  },
  "evidence-actions.ts": {
    createEvidenceAction: {
      capability: "evidence.write",
      form: (ctx) => ({
        title: ctx.unique("Matrix note"),
        kind: "note",
        body: "Matrix note body.",
        evidenceDate: ctx.day(0),
        controls: ctx.controlId,
      }),
    },
    addRevisionAction: {
      capability: "evidence.write",
      form: (ctx) => ({
        id: ctx.evidenceId,
        file: file(`${ctx.unique("Matrix revision")}\n`, "matrix-policy.txt", "text/plain"),
      }),
    },
    reviewEvidenceAction: {
      capability: "evidence.review",
      form: (ctx) => ({ id: ctx.noteEvidenceId, decision: "accept" }),
    },
    setEvidenceControlsAction: {
      capability: "evidence.write",
      form: (ctx) => ({ id: ctx.noteEvidenceId, controls: [] }),
    },
  },
  "override-actions.ts": {
    overrideAction: {
      capability: "status.override",
      form: (ctx) => ({
        targetType: "control",
        targetId: ctx.controlId,
        status: "met",
        justification: "Matrix: verified by hand during the walkthrough.",
        until: ctx.day(30),
      }),
    },
    revokeOverrideAction: {
      capability: "status.override",
      form: (ctx) => ({ targetType: "control", targetId: ctx.overriddenControlId }),
    },
  },
  "phase-actions.ts": {
    createPhaseAction: {
      capability: "phases.write",
      form: (ctx) => ({
        number: String(ctx.phaseNumber + ctx.serial()),
        title: ctx.unique("Matrix phase"),
        progress: "pending",
      }),
    },
    updatePhaseAction: {
      capability: "phases.write",
      form: (ctx) => ({
        id: ctx.phaseId,
        number: String(ctx.phaseNumber),
        title: "Matrix phase",
        progress: "in_progress",
        requirements: `${REQUIREMENT} | Matrix requirement | CC6.1`,
      }),
    },
    addPhaseItemAction: {
      capability: "phases.write",
      form: (ctx) => ({
        phaseId: ctx.phaseId,
        kind: "deliverable",
        text: ctx.unique("Matrix deliverable"),
      }),
    },
    setPhaseItemDoneAction: {
      capability: "phases.write",
      form: (ctx) => ({ itemId: ctx.phaseItemId, done: "true" }),
    },
    setPhaseItemEvidenceAction: {
      capability: "phases.write",
      form: (ctx) => ({ itemId: ctx.phaseItemId, evidenceId: ctx.evidenceId }),
    },
    addMustHaveAction: {
      capability: "phases.write",
      form: (ctx) => ({
        phaseId: ctx.phaseId,
        truth: ctx.unique("Matrix must-have"),
        requirements: REQUIREMENT,
      }),
    },
    verifyMustHaveAction: {
      capability: "phases.write",
      form: (ctx) => ({ mustHaveId: ctx.mustHaveId, verdict: "verified" }),
    },
    mustHaveToBacklogAction: {
      capability: "backlog.write",
      form: (ctx) => ({ mustHaveId: ctx.failedMustHaveId }),
    },
    removePhaseItemAction: {
      capability: "phases.write",
      form: (ctx) => ({ itemId: ctx.removablePhaseItemId }),
    },
    removeMustHaveAction: {
      capability: "phases.write",
      form: (ctx) => ({ mustHaveId: ctx.removableMustHaveId }),
    },
    editMustHaveAction: {
      capability: "phases.write",
      form: (ctx) => ({
        mustHaveId: ctx.editableMustHaveId,
        truth: ctx.unique("Matrix must-have edited"),
        requirements: REQUIREMENT,
      }),
    },
  },
  "scan-actions.ts": {
    addScanTargetAction: {
      capability: "scans.configure",
      form: (ctx) => ({
        name: ctx.unique("matrix-db"),
        url: UNREACHABLE_SOURCE,
        tenantColumns: "",
      }),
      business: "a target is saved only after a scan over it works, and nothing listens there",
    },
    removeScanTargetAction: {
      capability: "scans.configure",
      form: () => ({ id: NO_SUCH_TARGET }),
      business: "no scan target is seeded",
    },
    runScanTargetAction: {
      capability: "scans.run",
      form: () => ({ id: NO_SUCH_TARGET }),
      business: "no scan target is seeded",
    },
    scanOwnDatabaseAction: { capability: "scans.run", form: () => ({}) },
    auditCodeDirectoryAction: {
      capability: "scans.run",
      form: (ctx) => ({ path: ctx.newResultDirectory(), tenantColumns: "" }),
    },
    auditCodeArchiveAction: {
      capability: "scans.run",
      form: () => ({ file: new File([REPO_ZIP], "repo.zip", { type: "application/zip" }) }),
    },
  },
  // Issue 11: the signed-in user's own second factors, and the per-role sign-in policy.
  "second-factor-actions.ts": {
    startTotpAction: { capability: "account.security", form: () => ({}) },
    confirmTotpAction: {
      capability: "account.security",
      form: () => ({ code: "000000" }),
      business: "the matrix cannot know a code of the freshly generated secret",
    },
    removeTotpAction: {
      capability: "account.security",
      form: () => ({ password: "not the password", code: "000000" }),
      business: "no authenticator app is set up",
    },
    replaceRecoveryCodesAction: {
      capability: "account.security",
      form: () => ({ password: "not the password", code: "000000" }),
      business: "the password and code are wrong",
    },
    passkeyOptionsAction: { capability: "account.security", args: () => [] },
    registerPasskeyAction: {
      capability: "account.security",
      form: () => ({ name: "Matrix key", response: "{}", state: "not sealed" }),
      business: "the matrix has no authenticator to answer the challenge",
    },
    removePasskeyAction: {
      capability: "account.security",
      form: () => ({
        passkeyId: "00000000-0000-4000-8000-000000000000",
        password: "not the password",
        code: "000000",
      }),
      business: "no such passkey",
    },
    updateRolePolicyAction: {
      capability: "users.manage",
      // Not requiring a second factor: the matrix actors must stay usable.
      form: () => ({ role: "engineer", passwordSignIn: "on" }),
    },
  },
  // Issue 11: sign-in steps for visitors (second factor, passkeys, single sign-on).
  "sign-in-factor-actions.ts": {
    secondFactorLoginAction: { capability: "public", form: () => ({ code: "123456" }) },
    passkeySignInOptionsAction: { capability: "public", args: () => [] },
    passkeySignInAction: {
      capability: "public",
      form: () => ({ response: "{}", state: "not sealed" }),
    },
    ssoSignInAction: {
      capability: "public",
      form: () => ({}),
      business: "single sign-on is not configured in the tests",
    },
  },
  "test-result-actions.ts": {
    uploadTestResultsAction: {
      capability: "results.ingest",
      form: (ctx) => ({
        file: file(junit(ctx), "matrix.xml", "application/xml"),
        source: "matrix",
      }),
    },
    createRuleAction: {
      capability: "results.configure",
      form: (ctx) => ({
        field: "name",
        pattern: `${ctx.unique("matrix")} *`,
        controlId: ctx.controlId,
      }),
    },
    deleteRuleAction: { capability: "results.configure", form: (ctx) => ({ id: ctx.ruleId }) },
    createTokenAction: {
      capability: "tokens.manage",
      form: (ctx) => ({ name: ctx.unique("matrix-token"), scopes: "test-results", expires: "" }),
    },
    revokeTokenAction: { capability: "tokens.manage", form: (ctx) => ({ id: ctx.tokenId }) },
    takeOverTokenAction: {
      capability: "tokens.manage",
      form: (ctx) => ({ id: ctx.ownerlessTokenId }),
    },
    addDirectoryAction: {
      capability: "results.configure",
      form: (ctx) => ({ name: ctx.unique("matrix-dir"), path: ctx.newResultDirectory() }),
    },
    pullDirectoryAction: {
      capability: "results.pull",
      form: (ctx) => ({ id: ctx.resultDirectoryId }),
    },
  },
  "package-actions.ts": {
    createPackageAction: {
      capability: "package.create",
      form: (ctx) => ({ from: ctx.day(-30), to: ctx.day(0) }),
    },
  },
  "user-actions.ts": {
    addUserAction: {
      capability: "users.manage",
      form: (ctx) => ({
        email: `${ctx.unique("matrix-user")}@example.test`,
        name: "Matrix user",
        role: "engineer",
      }),
    },
    issueLinkAction: {
      capability: "users.manage",
      form: (ctx) => ({ id: ctx.credentialUserId }),
    },
    endSessionsAction: {
      capability: "users.manage",
      form: (ctx) => ({ id: ctx.credentialUserId }),
    },
    changeAccessAction: {
      capability: "users.manage",
      form: (ctx) => ({ id: ctx.userId, role: "auditor", expires: ctx.day(30) }),
    },
    setActiveAction: {
      capability: "users.manage",
      form: (ctx) => ({ id: ctx.userId, active: "false" }),
    },
  },
  "workspace-actions.ts": {
    saveScopeAction: {
      capability: "workspace.configure",
      form: () => ({ categories: ["security", "availability"] }),
    },
    saveAuditPeriodAction: {
      capability: "workspace.configure",
      form: (ctx) => ({ start: ctx.day(-90), end: ctx.day(90) }),
    },
  },
};
