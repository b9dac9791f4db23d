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
      // A GET never writes to the activity log (a link or an image tag could make a browser
      // send one); its refusal goes to the server log.
      if (via.startsWith("GET ")) console.warn(`[refused] ${via} for ${who.email}: ${err.message}`);
      else await recordRefusal(who, err, via);
    }
    return err;
  }
  console.error(`[${via}]`, err instanceof Error ? err.message : err);
  return dataExceptionAsInvalid(err);
}
