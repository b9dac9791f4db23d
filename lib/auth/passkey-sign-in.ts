// A passkey answer at sign-in: after a right password it is the second factor of that account;
// on its own it is a passwordless sign-in, which needs the authenticator to have verified the
// user (PIN or biometrics) so that it counts as two factors itself.
import { finishSignIn, type FinishOutcome } from "./finish-sign-in";
import { checkPasskeyAnswer, type RelyingParty } from "./passkeys";
import { countFailure } from "./failure-count";
import { lockedUntil } from "./lockout";

export async function signInWithPasskey(
  input: { response: string; state: string },
  rp: RelyingParty,
  /** The account whose password was just right (the pending second step), if any. */
  pendingUserId: string | null,
  now = new Date(),
): Promise<FinishOutcome | { ok: false; code: "invalid" }> {
  const check = await checkPasskeyAnswer(input, rp, now);
  if (!check.ok) return { ok: false, code: "invalid" };
  const { user } = check;
  const locked = lockedUntil(user, now);
  if (locked) return { ok: false, code: "locked", until: locked };
  if (pendingUserId === user.id) return finishSignIn(user, now, "password + passkey");
  if (!check.userVerified) {
    await countFailure(
      user,
      now,
      `Passwordless sign-in refused for ${user.email}: the passkey did not verify the user`,
      "auth.second_factor_failed",
    );
    return { ok: false, code: "invalid" };
  }
  return finishSignIn(user, now, "passkey");
}
