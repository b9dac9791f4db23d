"use server";
import { revalidatePath } from "next/cache";
import { ADMINS } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { loadDemo } from "@/lib/demo/load-demo";
import { userMessage, type ActionState } from "./safe-action";
import { actionUser } from "./safe-action";

export async function loadDemoAction(
  _prev: ActionState,
): Promise<
  ActionState & { accounts?: { email: string; role: string; password: string | null }[] }
> {
  const { user, refused } = await actionUser(ADMINS, "load the demo workspace");
  if (refused) return refused;
  try {
    const r = await loadDemo(await db(), user);
    revalidatePath("/", "layout");
    return {
      ok: true,
      message: `Demo loaded: ${r.controls} controls, ${r.evidence} evidence items, ${r.testRuns} test runs, ${r.auditEvents} audit events, ${r.phases} phases and ${r.backlogItems} backlog items in the audit period ${r.period.start} – ${r.period.end}.`,
      accounts: r.accounts,
    };
  } catch (err) {
    return { ok: false, message: userMessage(err) };
  }
}
