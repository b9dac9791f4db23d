"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ADMINS, WRITERS } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { ingestTestResults } from "@/lib/collectors/test-results/ingest";
import { MAX_RESULT_BYTES } from "@/lib/collectors/test-results/parse";
import { createMappingRule, deleteMappingRule } from "@/lib/collectors/test-results/rules";
import { TestResultParseError } from "@/lib/collectors/test-results/types";
import { createToken, revokeToken } from "@/lib/collectors/tokens";
import { addResultDirectory, pullResultDirectory } from "@/lib/collectors/test-results/directories";
import { env } from "@/lib/env";
import { safeAction, userMessage, type ActionState } from "./safe-action";
import { actionUser } from "./safe-action";

export async function uploadTestResultsAction(
  _prev: ActionState,
  form: FormData,
): Promise<ActionState> {
  const { user, refused } = await actionUser(WRITERS, "upload test results");
  if (refused) return refused;
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { ok: false, message: "Choose a JUnit XML or CTRF JSON file." };
  if (file.size > MAX_RESULT_BYTES)
    return {
      ok: false,
      message: `The file is larger than ${MAX_RESULT_BYTES / 1024 / 1024} MB; nothing was stored.`,
    };
  const source =
    String(form.get("source") ?? "")
      .trim()
      .slice(0, 200) || null;
  const commit =
    String(form.get("commit") ?? "")
      .trim()
      .slice(0, 100) || null;
  try {
    const r = await ingestTestResults(await db(), user, await file.text(), {
      fileName: file.name.slice(0, 255),
      source,
      commit,
      via: "upload",
    });
    revalidatePath("/", "layout");
    const t = r.totals;
    const counts = `${t.tests} tests: ${t.passed} passed, ${t.failed} failed, ${t.errored} errored, ${t.skipped} skipped, ${t.flaky} flaky`;
    if (r.duplicate)
      return {
        ok: true,
        message: `This file was already ingested (${counts}); nothing new was stored.`,
      };
    return {
      ok: true,
      message: `Ingested ${counts}. ${r.mapped.tests} mapped to ${r.mapped.controls.join(", ") || "no control"}; ${r.mapped.unmapped} unmapped.`,
    };
  } catch (err) {
    if (err instanceof TestResultParseError)
      return { ok: false, message: `${err.message} Nothing was stored.` };
    return { ok: false, message: userMessage(err) };
  }
}

const ruleSchema = z.object({
  field: z.enum(["file", "suite", "name"]),
  pattern: z.string().trim().min(1, "Enter a pattern").max(500),
  controlId: z.uuid("Choose a control"),
});

const createRule = safeAction({
  roles: ADMINS,
  schema: ruleSchema,
  what: "define test mapping rules",
  async run(input, user) {
    const r = await createMappingRule(user, input);
    revalidatePath("/", "layout");
    return `Rule added; ${r.mapped} stored result(s) now map to the control.`;
  },
});

const deleteRule = safeAction({
  roles: ADMINS,
  schema: z.object({ id: z.uuid() }),
  what: "define test mapping rules",
  async run(input, user) {
    await deleteMappingRule(user, input.id);
    revalidatePath("/tests");
    return "Rule removed.";
  },
});

export async function createRuleAction(prev: ActionState, form: FormData) {
  return createRule(prev, form);
}
export async function deleteRuleAction(prev: ActionState, form: FormData) {
  return deleteRule(prev, form);
}

export async function createTokenAction(
  _prev: ActionState & { token?: string },
  form: FormData,
): Promise<ActionState & { token?: string }> {
  const { user, refused } = await actionUser(ADMINS, "create API tokens");
  if (refused) return refused;
  const parsed = z
    .object({
      name: z.string().trim().min(1, "Name the token").max(100),
      expires: z.union([z.literal(""), z.iso.date()]).optional(),
    })
    .safeParse({ name: form.get("name"), expires: form.get("expires") ?? "" });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  try {
    const expiresAt = parsed.data.expires
      ? new Date(new Date(`${parsed.data.expires}T00:00:00Z`).getTime() + 86_400_000)
      : null;
    const { token } = await createToken(await db(), user, {
      name: parsed.data.name,
      scopes: ["ingest"],
      expiresAt,
    });
    revalidatePath("/settings");
    return { ok: true, message: "Token created. Copy it now: it is not shown again.", token };
  } catch (err) {
    return { ok: false, message: userMessage(err) };
  }
}

const revoke = safeAction({
  roles: ADMINS,
  schema: z.object({ id: z.uuid() }),
  what: "revoke API tokens",
  async run(input, user) {
    await revokeToken(await db(), user, input.id);
    revalidatePath("/settings");
    return "Token revoked.";
  },
});

export async function revokeTokenAction(prev: ActionState, form: FormData) {
  return revoke(prev, form);
}

const addDirectory = safeAction({
  roles: ADMINS,
  schema: z.object({
    name: z.string().trim().min(1, "Name the directory").max(100),
    path: z.string().trim().min(1, "Enter the directory's path").max(1000),
  }),
  what: "configure result directories",
  async run(input, user) {
    await addResultDirectory(await db(), user, input, env().TRUSTBOARD_RESULTS_ROOTS);
    revalidatePath("/tests");
    return "Directory added. Pull it now, or wait for the schedule.";
  },
});

const pullDirectory = safeAction({
  roles: WRITERS,
  schema: z.object({ id: z.uuid() }),
  what: "pull result directories",
  async run(input, user) {
    const r = await pullResultDirectory(await db(), user, input.id, env().TRUSTBOARD_RESULTS_ROOTS);
    revalidatePath("/", "layout");
    return `${r.files} file(s): ${r.ingested} ingested, ${r.duplicates} already known, ${r.failed.length} failed${r.failed.length ? ` — ${r.failed.map((f) => `${f.file}: ${f.error}`).join("; ")}` : ""}.`;
  },
});

export async function addDirectoryAction(prev: ActionState, form: FormData) {
  return addDirectory(prev, form);
}
export async function pullDirectoryAction(prev: ActionState, form: FormData) {
  return pullDirectory(prev, form);
}
