"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { WRITERS } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { AuditParseError, parseAuditEvents } from "@/lib/collectors/audit/parse";
import { storeAuditEvents } from "@/lib/collectors/audit/ingest";
import { addExpectedEvent, expectedEventSchema, removeExpectedEvent } from "@/lib/collectors/audit/expected-events";
import { safeAction, userMessage, type ActionState } from "./safe-action";

const MAX_AUDIT_UPLOAD = 50 * 1024 * 1024;

export async function uploadAuditEventsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  if (!WRITERS.includes(user.role)) return { ok: false, message: `Your role (${user.role}) is not allowed to upload audit events.` };
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, message: "Choose a JSON Lines or CSV file." };
  if (file.size > MAX_AUDIT_UPLOAD) return { ok: false, message: "The file is larger than 50 MB; split it. Nothing was stored." };
  try {
    const r = await storeAuditEvents(await db(), user, parseAuditEvents(await file.text()), "upload");
    revalidatePath("/", "layout");
    return { ok: true, message: `${r.received} events read: ${r.stored} stored, ${r.duplicates} already known. Types: ${r.actions.join(", ")}.` };
  } catch (err) {
    if (err instanceof AuditParseError) return { ok: false, message: `${err.message} Nothing was stored.` };
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
