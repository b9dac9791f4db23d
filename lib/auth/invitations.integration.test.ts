import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptLogin } from "@/lib/auth/login";
import { addDays, isoDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { setMailSettingsForTests } from "@/lib/mail/mailer";
import {
  inspectCredentialLink,
  inviteUser,
  issueCredentialLink,
  pendingInvitations,
  redeemCredentialLink,
} from "./invitations";

setMailSettingsForTests(null);
const tokenOf = (link: string) => link.split("/").at(-1)!;
let n = 0;
const email = () => `invitee${++n}-${Date.now()}@example.test`;

async function activityText(): Promise<string> {
  return JSON.stringify(await (await db()).activity.findMany(), (_k, v: unknown) =>
    typeof v === "bigint" ? String(v) : v,
  );
}

describe("invitations", () => {
  it("an invited auditor chooses a password through the link, once; the access expiry is kept", async () => {
    const admin = await makeUser("admin");
    const lastDay = isoDay(addDays(new Date(), 30));
    const to = email();
    const issued = await inviteUser(admin, {
      email: to.toUpperCase(),
      name: "Invited Auditor",
      role: "auditor",
      expires: lastDay,
    });
    expect(issued).toMatchObject({ email: to, purpose: "invitation", mail: "off" });
    // 72 hours by default.
    expect(issued.expiresAt.getTime() - Date.now()).toBeGreaterThan(71.9 * 3_600_000);
    expect(issued.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(72 * 3_600_000);
    const token = tokenOf(issued.link);
    expect(await inspectCredentialLink(token)).toEqual({
      state: "valid",
      purpose: "invitation",
      email: to,
    });
    expect((await pendingInvitations(admin)).get(issued.userId)?.expired).toBe(false);
    // No password of its own yet: nothing signs in.
    expect(await attemptLogin(to, "!invited")).toMatchObject({ ok: false, code: "invalid" });

    await redeemCredentialLink(token, "my own auditor passphrase");
    const login = await attemptLogin(to, "my own auditor passphrase");
    expect(login).toMatchObject({ ok: true, user: { role: "auditor" } });
    const user = await (await db()).user.findUniqueOrThrow({ where: { email: to } });
    expect(user.accessExpiresAt?.toISOString()).toBe(
      addDays(new Date(`${lastDay}T00:00:00Z`), 1).toISOString(),
    );
    expect((await pendingInvitations(admin)).has(issued.userId)).toBe(false);

    await expect(redeemCredentialLink(token, "another passphrase here")).rejects.toThrow(
      /already been used/,
    );
    expect(await inspectCredentialLink(token)).toEqual({ state: "used" });
    const log = await (
      await db()
    ).activity.findMany({ where: { entityId: issued.userId }, orderBy: { seq: "asc" } });
    expect(log.map((l) => l.action)).toEqual([
      "user.create",
      "invitation.create",
      "auth.login_failed",
      "invitation.accept",
      "auth.login",
    ]);
    // Neither the token nor its hash nor the password is in any log row.
    const all = await activityText();
    expect(all).not.toContain(token);
    expect(all).not.toContain("my own auditor passphrase");
  });

  it("an expired invitation is refused and recorded; a new one can be issued", async () => {
    const admin = await makeUser("admin");
    const to = email();
    const issued = await inviteUser(
      admin,
      { email: to, name: "Late", role: "engineer", expires: null },
      { now: new Date(Date.now() - 73 * 3_600_000) },
    );
    const token = tokenOf(issued.link);
    const expiredRows = async () =>
      (await db()).activity.count({
        where: { action: "invitation.expired", entityId: issued.userId },
      });
    expect(await inspectCredentialLink(token)).toEqual({ state: "expired" });
    // Opening the link (a GET page) writes nothing; submitting it is recorded.
    expect(await expiredRows()).toBe(0);
    await expect(redeemCredentialLink(token, "too late passphrase")).rejects.toThrow(/expired/);
    expect(await attemptLogin(to, "too late passphrase")).toMatchObject({ ok: false });
    expect(
      await (
        await db()
      ).activity.count({
        where: { action: "invitation.expired", entityId: issued.userId },
      }),
    ).toBeGreaterThanOrEqual(1);
    expect((await pendingInvitations(admin)).get(issued.userId)?.expired).toBe(true);

    const again = await issueCredentialLink(admin, issued.userId);
    expect(again.purpose).toBe("invitation");
    await redeemCredentialLink(tokenOf(again.link), "on time passphrase");
    expect(await attemptLogin(to, "on time passphrase")).toMatchObject({ ok: true });
  });

  it("refuses a weak password on the link and leaves the link usable", async () => {
    const admin = await makeUser("admin");
    const issued = await inviteUser(admin, {
      email: email(),
      name: "Weak",
      role: "engineer",
      expires: null,
    });
    const token = tokenOf(issued.link);
    await expect(redeemCredentialLink(token, "short")).rejects.toThrow(/at least 12/);
    await expect(redeemCredentialLink(token, "unbelievable")).rejects.toThrow(/most common/);
    expect((await inspectCredentialLink(token)).state).toBe("valid");
  });

  it("refuses unknown and malformed tokens without a lookup error", async () => {
    for (const junk of ["", "x", "../../etc/passwd", "a".repeat(43), "a".repeat(5000)]) {
      expect(await inspectCredentialLink(junk)).toEqual({ state: "unknown" });
      await expect(redeemCredentialLink(junk, "a fine passphrase")).rejects.toMatchObject({
        code: "invalid",
      });
    }
  });

  it("only administrators invite or issue links, and a refusal writes nothing", async () => {
    const engineer = await makeUser("engineer");
    const target = await makeUser("engineer");
    const prisma = await db();
    const before = [await prisma.user.count(), await prisma.credentialToken.count()];
    await expect(
      inviteUser(engineer, { email: email(), name: "X", role: "admin", expires: null }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(issueCredentialLink(engineer, target.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect([await prisma.user.count(), await prisma.credentialToken.count()]).toEqual(before);
  });
});

describe("password reset links", () => {
  it("replace the password, end every session, and a newer link replaces an older one", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("engineer");
    const prisma = await db();
    const first = await issueCredentialLink(admin, user.id);
    const second = await issueCredentialLink(admin, user.id);
    expect(second.purpose).toBe("reset");
    await expect(redeemCredentialLink(tokenOf(first.link), "from the old link 1")).rejects.toThrow(
      /newer link replaced/,
    );
    const version = (await prisma.user.findUniqueOrThrow({ where: { id: user.id } }))
      .sessionVersion;
    await redeemCredentialLink(tokenOf(second.link), "freshly reset passphrase");
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(version + 1);
    expect(await attemptLogin(user.email, user.password)).toMatchObject({ ok: false });
    expect(await attemptLogin(user.email, "freshly reset passphrase")).toMatchObject({ ok: true });
    const actions = (
      await prisma.activity.findMany({ where: { entityId: user.id }, orderBy: { seq: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["password.reset_issue", "password.reset"]));
    expect(await activityText()).not.toContain(tokenOf(second.link));
  });

  it("are not issued for a deactivated account, and a deactivated account cannot use one", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("engineer");
    const issued = await issueCredentialLink(admin, user.id);
    await (await db()).user.update({ where: { id: user.id }, data: { active: false } });
    await expect(issueCredentialLink(admin, user.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(
      redeemCredentialLink(tokenOf(issued.link), "deactivated passphrase"),
    ).rejects.toThrow(/not valid/);
  });

  it("two parallel uses of one link: exactly one succeeds", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("engineer");
    const token = tokenOf((await issueCredentialLink(admin, user.id)).link);
    const results = await Promise.allSettled([
      redeemCredentialLink(token, "parallel passphrase one"),
      redeemCredentialLink(token, "parallel passphrase two"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});
