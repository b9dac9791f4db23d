"use server";
import { ingestTestResults } from "@/lib/collectors/test-results/ingest";
import { MAX_RESULT_BYTES } from "@/lib/collectors/test-results/parse";
import { createMappingRule, deleteMappingRule } from "@/lib/collectors/test-results/rules";
import { addResultDirectory, pullResultDirectory } from "@/lib/collectors/test-results/directories";
import {
  mappingRuleSchema,
  recordIdSchema,
  resultDirectorySchema,
  uploadResultsSchema,
} from "@/lib/collectors/test-results/schemas";
import { createToken, revokeToken, takeOverToken } from "@/lib/collectors/tokens";
import {
  newTokenSchema,
  revokeTokenSchema,
  takeOverTokenSchema,
} from "@/lib/collectors/token-schemas";
import { tooLarge } from "@/lib/errors";
import { defineAction } from "./safe-action";
import { cutText } from "@/lib/validation/storable";

export const uploadTestResultsAction = defineAction({
  capability: "results.ingest",
  schema: uploadResultsSchema,
  async run({ file, source, commit }, user) {
    if (file.size > MAX_RESULT_BYTES)
      throw tooLarge(
        `The file is larger than ${MAX_RESULT_BYTES / 1024 / 1024} MB; nothing was stored.`,
      );
    const r = await ingestTestResults(user, await file.text(), {
      fileName: cutText(file.name, 255),
      source,
      commit,
      via: "upload",
    });
    const t = r.totals;
    const counts = `${t.tests} tests: ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped, ${t.flaky} flaky`;
    if (r.duplicate) return `This file was already ingested (${counts}); nothing new was stored.`;
    return `Ingested ${counts}. ${r.mapped.tests} mapped to ${r.mapped.controls.join(", ") || "no control"}; ${r.mapped.unmapped} unmapped.`;
  },
});

export const createRuleAction = defineAction({
  capability: "results.configure",
  schema: mappingRuleSchema,
  async run(input, user) {
    const r = await createMappingRule(user, input);
    return `Rule added; ${r.mapped} stored result(s) now map to the control.`;
  },
});

export const deleteRuleAction = defineAction({
  capability: "results.configure",
  schema: recordIdSchema,
  revalidate: ["/tests"],
  async run({ id }, user) {
    await deleteMappingRule(user, id);
    return "Rule removed.";
  },
});

export const createTokenAction = defineAction({
  capability: "tokens.manage",
  schema: newTokenSchema,
  revalidate: ["/settings"],
  async run({ name, scopes, expires, source, evidences }, user) {
    const { token } = await createToken(user, {
      name,
      scopes,
      expiresAt: expires,
      source,
      evidences,
    });
    return { message: "Token created. Copy it now: it is not shown again.", data: { token } };
  },
});

export const revokeTokenAction = defineAction({
  capability: "tokens.manage",
  schema: revokeTokenSchema,
  revalidate: ["/settings"],
  async run({ id }, user) {
    // Revoking a token that is already revoked (a second click) leaves it revoked: no error.
    await revokeToken(user, id);
    return "Token revoked.";
  },
});

export const takeOverTokenAction = defineAction({
  capability: "tokens.manage",
  schema: takeOverTokenSchema,
  revalidate: ["/settings"],
  async run({ id }, user) {
    await takeOverToken(user, id);
    return "You answer for this token now.";
  },
});

export const addDirectoryAction = defineAction({
  capability: "results.configure",
  schema: resultDirectorySchema,
  revalidate: ["/tests"],
  async run(input, user) {
    await addResultDirectory(user, input);
    return "Directory added. Pull it now, or wait for the schedule.";
  },
});

export const pullDirectoryAction = defineAction({
  capability: "results.pull",
  schema: recordIdSchema,
  async run({ id }, user) {
    const r = await pullResultDirectory(user, id);
    return `${r.files} file(s): ${r.ingested} ingested, ${r.duplicates} already known, ${r.failed.length} failed${r.failed.length ? ` — ${r.failed.map((f) => `${f.file}: ${f.error}`).join("; ")}` : ""}.`;
  },
});
