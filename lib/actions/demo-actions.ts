"use server";
import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { loadDemo } from "@/lib/demo/load-demo";
import { userMessage, type ActionState } from "./safe-action";

export async function loadDemoAction(_prev: ActionState): Promise<ActionState & { accounts?: { email: string; role: string; password: string | null }[] }> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: "Your session has ended. Sign in again." };
  if (user.role !== "admin") return { ok: false, message: `Your role (${user.role}) is not allowed to load the demo workspace.` };
  try {
    const r = await loadDemo(await db(), user);
    revalidatePath("/", "layout");
    return { ok: true, message: `Demo loaded: ${r.controls} controls and ${r.evidence} evidence items in the audit period ${r.period.start} – ${r.period.end}.`, accounts: r.accounts };
  } catch (err) {
    return { ok: false, message: userMessage(err) };
  }
}
