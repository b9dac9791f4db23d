"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { ADMINS, WRITERS } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { AuditParseError, parseAuditEvents } from "@/lib/collectors/audit/parse";
import { storeAuditEvents } from "@/lib/collectors/audit/ingest";
import {
  actionMappingSchema,
  addExpectedEvent,
  expectedEventSchema,
  removeExpectedEvent,
  setActionMapping,
} from "@/lib/collectors/audit/expected-events";
import { safeAction, userMessage, type ActionState } from "./safe-action";
import { actionUser } from "./safe-action";
import { pullProgress, sourceSchema } from "@/lib/collectors/audit/pg-source";
import { addSource, checkSource, pullAuditSource } from "@/lib/collectors/audit/sources";

const MAX_AUDIT_UPLOAD = 50 * 1024 * 1024;

export async function uploadAuditEventsAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  const { user, refused } = await actionUser(WRITERS, "upload audit events");
  if (refused) return refused;
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, message: "Choose a JSON Lines or CSV file." };
  if (file.size > MAX_AUDIT_UPLOAD)
    return { ok: false, message: "The file is larger than 50 MB; split it. Nothing was stored." };
  try {
    const r = await storeAuditEvents(
      await db(),
      user,
      parseAuditEvents(await file.text()),
      "upload",
    );
    revalidatePath("/", "layout");
    return {
      ok: true,
      message: `${r.received} events read: ${r.stored} stored, ${r.duplicates} already known. Types: ${r.actions.join(", ")}.`,
    };
  } catch (err) {
    if (err instanceof AuditParseError)
      return { ok: false, message: `${err.message} Nothing was stored.` };
    return { ok: false, message: userMessage(err) };
  }
}

const addExpected = safeAction({
  roles: WRITERS,
  schema: expectedEventSchema,
  what: "declare expected events",
  async run(input, user) {
    await addExpectedEvent(user, input);
    revalidatePath("/", "layout");
    return `Expecting \`${input.action}\` at least every ${input.maxSilenceDays} day(s).`;
  },
});

const removeExpected = safeAction({
  roles: WRITERS,
  schema: z.object({ id: z.uuid() }),
  what: "declare expected events",
  async run(input, user) {
    await removeExpectedEvent(user, input.id);
    revalidatePath("/", "layout");
    return "Expectation removed.";
  },
});

export async function addExpectedEventAction(prev: ActionState, form: FormData) {
  return addExpected(prev, form);
}
export async function removeExpectedEventAction(prev: ActionState, form: FormData) {
  return removeExpected(prev, form);
}

function sourceFromForm(form: FormData) {
  const get = (k: string) => String(form.get(k) ?? "");
  return sourceSchema.safeParse({
    name: get("name"),
    url: get("url"),
    tableName: get("tableName"),
    cursorColumn: get("cursorColumn"),
    columns: {
      time: get("col_time"),
      action: get("col_action"),
      actor: get("col_actor"),
      organisation: get("col_organisation"),
      ip: get("col_ip"),
      outcome: get("col_outcome"),
      target: get("col_target"),
    },
  });
}

export async function sourceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const { user, refused } = await actionUser(ADMINS, "configure audit sources");
  if (refused) return refused;
  const parsed = sourceFromForm(form);
  const values = Object.fromEntries(
    [...form.entries()].filter(
      ([k, v]) => typeof v === "string" && k !== "url" && !k.startsWith("$"),
    ) as [string, string][],
  );
  if (!parsed.success)
    return {
      ok: false,
      message: `${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}`,
      values,
    };
  try {
    if (form.get("intent") === "test") {
      const r = await checkSource(user, parsed.data);
      return r.ok
        ? {
            ok: true,
            message: `Connection works: ${r.rows} rows in ${parsed.data.tableName}, all mapped columns present.`,
            values,
          }
        : { ok: false, message: r.error, values };
    }
    await addSource(user, parsed.data);
    revalidatePath("/audit");
    return {
      ok: true,
      message: "Source saved (connection string encrypted). Pull it to import its events.",
    };
  } catch (err) {
    return { ok: false, message: userMessage(err), values };
  }
}

const pull = safeAction({
  roles: WRITERS,
  schema: z.object({ id: z.uuid() }),
  what: "pull audit sources",
  async run(input, user) {
    const r = await pullAuditSource(user, input.id);
    revalidatePath("/", "layout");
    return `${r.pulled} events read in ${r.batches} batch(es), ${r.stored} new; cursor at ${r.cursor ?? "start"}.`;
  },
});

export async function pullSourceAction(prev: ActionState, form: FormData) {
  return pull(prev, form);
}

export async function pullProgressAction(
  id: string,
): Promise<{ rows: number; batches: number } | null> {
  const user = await getSessionUser();
  if (!user) return null;
  return pullProgress(id);
}

const mapAction = safeAction({
  roles: ["admin"],
  schema: actionMappingSchema,
  what: "edit the event-type mapping",
  async run(input, user) {
    await setActionMapping(user, input);
    revalidatePath("/", "layout");
    return input.criteria.length
      ? `\`${input.action}\` → ${input.criteria.join(", ")}.`
      : `\`${input.action}\` removed.`;
  },
});

export async function mapActionAction(prev: ActionState, form: FormData) {
  return mapAction(prev, form);
}
