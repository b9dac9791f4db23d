import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { attemptLogin } from "./login";

describe("sign-in decisions", () => {
  it("signs in with the right password, clears failures and records it", async () => {
    const u = await makeUser("engineer");
    const prisma = await db();
    expect(await attemptLogin(u.email, "wrong password!!")).toEqual({
      ok: false,
      code: "invalid",
    });
    const ok = await attemptLogin(u.email.toUpperCase(), u.password);
    expect(ok).toMatchObject({ ok: true, user: { id: u.id, role: "engineer" } });
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.failedLogins).toBe(0);
    expect(row.lastLoginAt).not.toBeNull();
    const actions = (
      await prisma.activity.findMany({ where: { entityId: u.id }, orderBy: { seq: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual(["user.create", "auth.login_failed", "auth.login"]);
  });

  it("locks the account on the fifth failure and refuses even the right password while locked", async () => {
    const u = await makeUser("admin");
    const t = new Date();
    for (let i = 0; i < 4; i++)
      expect((await attemptLogin(u.email, "nope nope nope", t)).ok).toBe(false);
    const fifth = await attemptLogin(u.email, "nope nope nope", t);
    expect(fifth).toMatchObject({ ok: false, code: "locked" });
    expect(await attemptLogin(u.email, u.password, new Date(t.getTime() + 60_000))).toMatchObject({
      ok: false,
      code: "locked",
    });
    expect(
      await attemptLogin(u.email, u.password, new Date(t.getTime() + 16 * 60_000)),
    ).toMatchObject({ ok: true });
  });

  it("refuses an auditor whose access has expired, with the reason", async () => {
    const u = await makeUser("auditor", { expires: new Date(Date.now() - 1000) });
    expect(await attemptLogin(u.email, u.password)).toEqual({
      ok: false,
      code: "expired",
    });
  });

  it("refuses a deactivated account only once the password is right", async () => {
    const u = await makeUser("engineer");
    const prisma = await db();
    await prisma.user.update({ where: { id: u.id }, data: { active: false } });
    expect(await attemptLogin(u.email, "wrong password!!")).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(await attemptLogin(u.email, u.password)).toEqual({
      ok: false,
      code: "inactive",
    });
  });

  it("treats an unknown email like a wrong password", async () => {
    expect(await attemptLogin("nobody@example.test", "whatever password")).toEqual({
      ok: false,
      code: "invalid",
    });
  });
});
