// The authorization matrix's registry: for every server action export (lib/actions/*-actions.ts),
// the capability it requires and a valid input built from the seeded records.
// authorization-matrix.integration.test.ts enumerates the modules itself and fails for an export
// without an entry here, and for an entry whose export is gone; so adding an action means adding
// its line here, or in the area's own table that this one composes (matrix-identity-actions.ts,
// matrix-second-factor-actions.ts, matrix-collector-actions.ts, matrix-scan-actions.ts).
// Routes: matrix-routes.ts.
import { composeActionTables, file, type ActionTable } from "./matrix-action-entry";
import { COLLECTOR_ACTIONS } from "./matrix-collector-actions";
import { REQUIREMENT } from "./matrix-context";
import { IDENTITY_ACTIONS } from "./matrix-identity-actions";
import { SCAN_ACTIONS } from "./matrix-scan-actions";
import { SECOND_FACTOR_ACTIONS } from "./matrix-second-factor-actions";

export type { ActionEntry, FormFields } from "./matrix-action-entry";

/** The areas without a table of their own. */
const OTHER_ACTIONS: ActionTable = {
  "activity-actions.ts": {
    verifyChainAction: { capability: "activity.read", form: () => ({}) },
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
  "package-actions.ts": {
    createPackageAction: {
      capability: "package.create",
      form: (ctx) => ({ from: ctx.day(-30), to: ctx.day(0) }),
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

export const ACTIONS: ActionTable = composeActionTables(
  IDENTITY_ACTIONS,
  SECOND_FACTOR_ACTIONS,
  COLLECTOR_ACTIONS,
  SCAN_ACTIONS,
  OTHER_ACTIONS,
);
