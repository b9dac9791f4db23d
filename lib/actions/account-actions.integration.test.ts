// The change-password form's action as the browser calls it: a wrong current password, then the
// right one. The refusal must not carry the typed password back to the browser; the acceptance
// renews the session it was made from.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/types";
import { acceptRenewal } from "@/lib/auth/session-version";
import { attemptLogin } from "@/lib/auth/login";
import { makeUser } from "@/lib/testing/fixtures";

let me: SessionUser;
const renewals: unknown[] = [];
vi.mock("@/lib/auth/session", () => ({
  resolveSession: async () => ({ user: me }),
  mustEnrolFirst: async () => false,
}));
vi.mock("@/lib/auth", () => ({
  unstable_update: async (data: { renewal?: unknown }) => {
    renewals.push(data.renewal);
    return null;
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { changePasswordAction } = await import("./account-actions");

function changeForm(current: string): FormData {
  const form = new FormData();
  form.set("current", current);
  form.set("password", "a brand new passphrase");
  form.set("confirm", "a brand new passphrase");
  return form;
}

describe("changePasswordAction", () => {
  it("refuses a wrong current password without echoing it, then accepts the right one", async () => {
    const user = await makeUser("engineer");
    me = user;
    const refused = await changePasswordAction({}, changeForm("not the current one"));
    expect(refused).toMatchObject({
      ok: false,
      message: "That is not your current password.",
      errors: { current: ["That is not your current password."] },
    });
    expect(JSON.stringify(refused)).not.toContain("not the current one");
    expect(JSON.stringify(refused)).not.toContain("a brand new passphrase");
    expect(renewals).toEqual([]);

    const accepted = await changePasswordAction(refused, changeForm(user.password));
    expect(accepted).toEqual({
      ok: true,
      message: "Password changed. Every other session has been signed out.",
    });
    const { sessionVersion } = await (
      await db()
    ).user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
    expect(renewals).toHaveLength(1);
    expect(acceptRenewal(user.id, renewals[0])).toBe(sessionVersion);
    expect(await attemptLogin(user.email, "a brand new passphrase")).toMatchObject({ ok: true });
  });
});
