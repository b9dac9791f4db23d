// The authorization matrix's entries for the collectors: audit events (uploads, pulls from a
// configured source, expected events, mappings) and test results (uploads, mapping rules, ingest
// tokens, watched directories).
import { auditLines, file, junit, type ActionTable } from "./matrix-action-entry";
import { UNREACHABLE_SOURCE } from "./matrix-context";

export const COLLECTOR_ACTIONS: ActionTable = {
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
};
