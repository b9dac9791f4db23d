import "server-only";
// Where a request leaves Trustboard's code (server action or route handler): an AppError is the
// user's to read; a refusal is recorded; anything else is a bug, logged without being shown.
import { recordRefusal } from "@/lib/activity/refusal";
import type { ActivityActor } from "@/lib/activity/record";
import { AppError } from "@/lib/errors";
import { dataExceptionAsInvalid } from "./data-exception";

export async function settleError(
  err: unknown,
  who: ActivityActor | null,
  via: string,
): Promise<AppError | null> {
  if (err instanceof AppError) {
    if ((err.code === "forbidden" || err.code === "unauthenticated") && who) {
      await recordRefusal(who, err, via);
    }
    return err;
  }
  console.error(`[${via}]`, err instanceof Error ? err.message : err);
  return dataExceptionAsInvalid(err);
}
