// The second step of a password sign-in: a TOTP code or an unused recovery code for the account
// whose password was right (named by the sealed pending cookie). A wrong code counts towards
// the same lockout as a wrong password.
import { db } from "@/lib/db";
import { addressFailures } from "./throttle";
import { countFailure } from "./failure-count";
import { finishSignIn, type FinishOutcome } from "./finish-sign-in";
import { lockedUntil } from "./lockout";
import { consumeCode } from "./second-factor";

export type SecondFactorOutcome = FinishOutcome | { ok: false; code: "invalid" | "throttled" };

export async function completeSecondFactor(
  userId: string,
  code: string,
  now = new Date(),
  address: string | null = null,
): Promise<SecondFactorOutcome> {
  if (address !== null && addressFailures.full(address, now.getTime()))
    return { ok: false, code: "throttled" };
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) return { ok: false, code: "invalid" };
  const locked = lockedUntil(user, now);
  if (locked) return { ok: false, code: "locked", until: locked };
  const kind = await prisma.$transaction((tx) => consumeCode(tx, user.id, code, now));
  if (!kind) {
    if (address !== null) addressFailures.take(address, now.getTime());
    const next = await countFailure(
      user,
      now,
      `Wrong second-factor code for ${user.email} from ${address ?? "an unknown address"}`,
      "auth.second_factor_failed",
    );
    return next.lockedUntil
      ? { ok: false, code: "locked", until: next.lockedUntil }
      : { ok: false, code: "invalid" };
  }
  return finishSignIn(user, now, kind === "totp" ? "password + TOTP" : "password + recovery code");
}
