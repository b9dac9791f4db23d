import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { attemptLogin } from "@/lib/auth/login";
import { makeUser } from "@/lib/testing/fixtures";
import { resolveSession } from "@/lib/auth/session";
import { NO_PASSWORD_SSO } from "@/lib/auth/credential-tokens";
import {
  changeOwnPassword,
  endAllSessions,
  NO_OWN_PASSWORD_MESSAGE,
  ownPasswordExists,
} from "./account";

// next-auth's auth() returns whatever session cookie the test is holding: an id and the session
// version it was issued under. resolveSession (the real one) decides whether it still counts.
const hoisted = vi.hoisted(() => ({
  session: null as { user: { id: string; sv?: number } } | null,
}));
vi.mock("@/lib/auth/index", () => ({ auth: async () => hoisted.session }));

async function versionOf(id: string): Promise<number> {
  return (await (await db()).user.findUniqueOrThrow({ where: { id } })).sessionVersion;
}

/** Signs in (as next-auth would): a session issued under the account's current version. */
async function sessionFor(id: string) {
  return { user: { id, sv: await versionOf(id) } };
}

async function counts(session: { user: { id: string; sv?: number } }): Promise<boolean> {
  hoisted.session = session;
  try {
    return (await resolveSession()).user !== null;
  } finally {
    hoisted.session = null;
  }
}

describe("revocable sessions", () => {
  it("signing out everywhere ends every session of the account at once", async () => {
    const user = await makeUser("engineer");
    const laptop = await sessionFor(user.id);
    const phone = await sessionFor(user.id);
    expect(await counts(laptop)).toBe(true);
    expect(await counts(phone)).toBe(true);
    await endAllSessions(user, user.id);
    expect(await counts(laptop)).toBe(false);
    expect(await counts(phone)).toBe(false);
    hoisted.session = laptop;
    expect(await resolveSession()).toMatchObject({ user: null, reason: "revoked" });
    hoisted.session = null;
    // A new sign-in works normally.
    expect(await counts(await sessionFor(user.id))).toBe(true);
    const log = await (
      await db()
    ).activity.findFirstOrThrow({
      where: { action: "session.revoke_all", entityId: user.id },
    });
    expect(log.actorId).toBe(user.id);
  });

  it("a session from before versions existed (no version) is ended by the first revocation", async () => {
    const user = await makeUser("auditor");
    const legacy = { user: { id: user.id } };
    expect(await counts(legacy)).toBe(true);
    await endAllSessions(user, user.id);
    expect(await counts(legacy)).toBe(false);
  });

  it("an administrator ends anyone's sessions; an engineer only their own", async () => {
    const admin = await makeUser("admin");
    const engineer = await makeUser("engineer");
    const other = await makeUser("engineer");
    const session = await sessionFor(other.id);
    await expect(endAllSessions(engineer, other.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await counts(session)).toBe(true);
    await endAllSessions(admin, other.id);
    expect(await counts(session)).toBe(false);
    const log = await (
      await db()
    ).activity.findFirstOrThrow({
      where: { action: "session.revoke_all", entityId: other.id },
    });
    expect(log.actorId).toBe(admin.id);
    expect(log.summary).toBe(`Ended every session of ${other.email}`);
  });
});

describe("changing one's password", () => {
  it("needs the current password; the change ends every other session", async () => {
    const user = await makeUser("engineer");
    const other = await sessionFor(user.id);
    await expect(
      changeOwnPassword(user, { current: "not my password 1", password: "a brand new passphrase" }),
    ).rejects.toMatchObject({ code: "invalid", details: { field: "current" } });
    expect(await counts(other)).toBe(true);
    const before = await versionOf(user.id);
    const { sessionVersion } = await changeOwnPassword(user, {
      current: user.password,
      password: "a brand new passphrase",
    });
    expect(sessionVersion).toBe(before + 1);
    expect(await counts(other)).toBe(false);
    // The session that made the change is renewed to the new version (lib/auth/index.ts).
    expect(await counts({ user: { id: user.id, sv: sessionVersion } })).toBe(true);
    expect(await attemptLogin(user.email, user.password)).toMatchObject({ ok: false });
    expect(await attemptLogin(user.email, "a brand new passphrase")).toMatchObject({ ok: true });
    const actions = (
      await (
        await db()
      ).activity.findMany({ where: { entityId: user.id }, orderBy: { seq: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["password.change_failed", "password.change"]));
    const text = JSON.stringify(
      await (await db()).activity.findMany({ where: { entityId: user.id } }),
      (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v),
    );
    expect(text).not.toContain("a brand new passphrase");
    expect(text).not.toContain(user.password);
  });

  it("refuses a common or short new password, changing nothing", async () => {
    const user = await makeUser("auditor");
    const before = await versionOf(user.id);
    for (const password of ["unbelievable", "too short"])
      await expect(
        changeOwnPassword(user, { current: user.password, password }),
      ).rejects.toMatchObject({ code: "invalid", details: { field: "password" } });
    expect(await versionOf(user.id)).toBe(before);
    expect(await attemptLogin(user.email, user.password)).toMatchObject({ ok: true });
  });

  it("wrong current passwords count toward the lockout, and the locking one says so", async () => {
    const user = await makeUser("engineer");
    for (let i = 0; i < 4; i++)
      await expect(
        changeOwnPassword(user, {
          current: `wrong guess ${i}`,
          password: "a brand new passphrase",
        }),
      ).rejects.toMatchObject({ code: "invalid", message: "That is not your current password." });
    await expect(
      changeOwnPassword(user, { current: "wrong guess 4", password: "a brand new passphrase" }),
    ).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/your account is locked until \d\d:\d\d UTC/),
    });
    // The right password is refused for the lock, never as "not your current password".
    await expect(
      changeOwnPassword(user, { current: user.password, password: "a brand new passphrase" }),
    ).rejects.toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/^Too many wrong passwords: your account is locked until/),
    });
    expect(await attemptLogin(user.email, user.password)).toMatchObject({
      ok: false,
      code: "locked",
    });
  });

  it("a right password after wrong ones is accepted and clears the wrong attempts", async () => {
    const user = await makeUser("engineer");
    for (let i = 0; i < 4; i++)
      await expect(
        changeOwnPassword(user, { current: `wrong ${i}`, password: "a brand new passphrase" }),
      ).rejects.toMatchObject({ code: "invalid", details: { field: "current" } });
    await changeOwnPassword(user, { current: user.password, password: "a brand new passphrase" });
    const row = await (await db()).user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ failedLogins: 0, firstFailedAt: null, lockedUntil: null });
    // Four earlier wrong attempts no longer bring the account near its lock.
    expect(await attemptLogin(user.email, "a wrong one")).toMatchObject({ code: "invalid" });
    expect(await attemptLogin(user.email, "a brand new passphrase")).toMatchObject({ ok: true });
  });
});

describe("an account without a password of its own (made at its first single sign-on)", () => {
  it("has no password to change, and trying counts no wrong guess toward the lockout", async () => {
    const user = await makeUser("engineer");
    const prisma = await db();
    expect(await ownPasswordExists(user)).toBe(true);
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: NO_PASSWORD_SSO } });
    expect(await ownPasswordExists(user)).toBe(false);
    for (let i = 0; i < 8; i++)
      await expect(
        changeOwnPassword(user, {
          current: "anything at all",
          password: "a-new-long-passphrase-42",
        }),
      ).rejects.toMatchObject({ code: "invalid", message: NO_OWN_PASSWORD_MESSAGE });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({
      passwordHash: NO_PASSWORD_SSO,
      failedLogins: 0,
      lockedUntil: null,
    });
  });
});
