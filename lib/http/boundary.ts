import "server-only";
// Where a request leaves Trustboard's code (server action or route handler): an AppError is the
// user's to read; a refusal is recorded; anything else is a bug, logged without being shown.
// A refused GET is not written to the activity log (issue 10: a GET never writes to it); it goes
// to the server log instead, rate-limited like recorded refusals.
import { recordRefusal } from "@/lib/activity/refusal";
import type { ActivityActor } from "@/lib/activity/record";
import { AppError } from "@/lib/errors";
import { mayRecord } from "@/lib/auth/throttle";
import { databaseErrorForClient } from "./data-exception";

export async function settleError(
  err: unknown,
  who: ActivityActor | null,
  via: string,
  opts: { readOnly?: boolean } = {},
): Promise<AppError | null> {
  if (err instanceof AppError) {
    if ((err.code === "forbidden" || err.code === "unauthenticated") && who) {
      if (!opts.readOnly) await recordRefusal(who, err, via);
      else if (mayRecord(`refuse:${who.email}:${via}`))
        console.warn(`[refused] ${via} for ${who.email}: ${err.message}`);
    }
    return err;
  }
  console.error(`[${via}]`, err instanceof Error ? err.message : err);
  return databaseErrorForClient(err);
}
