"use server";
import { MAX_AUDIT_BYTES, storeAuditEvents } from "@/lib/collectors/audit/ingest";
import { AuditParseError, parseAuditEvents } from "@/lib/collectors/audit/parse";
import {
  addExpectedEvent,
  removeExpectedEvent,
  setActionMapping,
} from "@/lib/collectors/audit/expected-events";
import { pullProgress, pullSource, testSource } from "@/lib/collectors/audit/pg-source";
import { addSource } from "@/lib/collectors/audit/sources";
import {
  actionMappingSchema,
  expectedEventSchema,
  idSchema,
  sourceFormSchema,
  uploadEventsSchema,
  type SourceConfig,
} from "@/lib/collectors/audit/schemas";
import { invalid, tooLarge } from "@/lib/errors";
import { defineAction } from "./safe-action";

/** A bad file is refused whole; the message says so. */
function parseUpload(content: string) {
  try {
    return parseAuditEvents(content);
  } catch (err) {
    if (err instanceof AuditParseError) throw invalid(`${err.message} Nothing was stored.`, "file");
    throw err;
  }
}

export const uploadAuditEventsAction = defineAction({
  capability: "audit.ingest",
  schema: uploadEventsSchema,
  async run({ file }, user) {
    if (file.size === 0) throw invalid("Choose a JSON Lines or CSV file.", "file");
    if (file.size > MAX_AUDIT_BYTES)
      throw tooLarge(
        `The file is larger than ${MAX_AUDIT_BYTES / 1024 / 1024} MB; split it. Nothing was stored.`,
      );
    const r = await storeAuditEvents(user, parseUpload(await file.text()), "upload");
    return `${r.received} events read: ${r.stored} stored, ${r.duplicates} already known. Types: ${r.actions.join(", ")}.`;
  },
});

export const addExpectedEventAction = defineAction({
  capability: "audit.expect",
  schema: expectedEventSchema,
  async run(input, user) {
    await addExpectedEvent(user, input);
    return `Expecting \`${input.action}\` at least every ${input.maxSilenceDays} day(s).`;
  },
});

export const removeExpectedEventAction = defineAction({
  capability: "audit.expect",
  schema: idSchema,
  async run({ id }, user) {
    await removeExpectedEvent(user, id);
    return "Expectation removed.";
  },
});

/** The source form's fields as the user left them, without the connection string. */
function sourceFormValues(c: SourceConfig): Record<string, string> {
  return {
    name: c.name,
    tableName: c.tableName,
    cursorColumn: c.cursorColumn,
    col_time: c.columns.time,
    col_action: c.columns.action,
    col_actor: c.columns.actor ?? "",
    col_organisation: c.columns.organisation ?? "",
    col_ip: c.columns.ip ?? "",
    col_outcome: c.columns.outcome ?? "",
    col_target: c.columns.target ?? "",
  };
}

/** "Test connection" (intent=test) checks the source; "Save source" tests it again and saves it. */
export const sourceAction = defineAction({
  capability: "audit.configure",
  schema: sourceFormSchema,
  revalidate: ["/audit"],
  secretFields: ["url"],
  async run({ intent, config }, user) {
    if (intent === "test") {
      const r = await testSource(user, config);
      if (!r.ok) return { ok: false, message: r.error };
      return {
        message: `Connection works: ${r.rows} rows in ${config.tableName}, all mapped columns present.`,
        data: { values: sourceFormValues(config) },
      };
    }
    await addSource(user, config);
    return "Source saved (connection string encrypted). Pull it to import its events.";
  },
});

export const pullSourceAction = defineAction({
  capability: "audit.pull",
  schema: idSchema,
  async run({ id }, user) {
    const r = await pullSource(user, id);
    return `${r.pulled} events read in ${r.batches} batch(es), ${r.stored} new; cursor at ${r.cursor ?? "start"}.`;
  },
});

/** Polled while a pull runs: the rows stored so far (`progress`, null when none runs here). */
export const pullProgressAction = defineAction({
  capability: "audit.read",
  schema: idSchema,
  revalidate: [],
  async run({ id }, user) {
    return { message: "", data: { progress: pullProgress(user, id) } };
  },
});

export const mapActionAction = defineAction({
  capability: "audit.configure",
  schema: actionMappingSchema,
  async run(input, user) {
    await setActionMapping(user, input);
    return input.criteria.length
      ? `\`${input.action}\` → ${input.criteria.join(", ")}.`
      : `\`${input.action}\` removed.`;
  },
});
