"use server";
import { getSessionUser } from "@/lib/auth/session";
import { verifyChain } from "@/lib/activity/list-activity";
import { userMessage } from "./safe-action";

export type VerifyResult =
  | { ok: true; checked: number; headHash: string }
  | { ok: false; checked?: number; brokenAt?: string; reason?: string; message?: string };

export async function verifyChainAction(): Promise<VerifyResult> {
  try {
    return await verifyChain(await getSessionUser());
  } catch (err) {
    return { ok: false, message: userMessage(err) };
  }
}
