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

  it("20 parallel wrong passwords leave the account locked, counted once each", async () => {
    const u = await makeUser("engineer");
    const prisma = await db();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => attemptLogin(u.email, "parallel guess!!")),
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Exactly five failures were counted and one lock set; the rest met the lock.
    const actions = (await prisma.activity.findMany({ where: { entityId: u.id } })).map(
      (a) => a.action,
    );
    expect(actions.filter((a) => a === "auth.login_failed")).toHaveLength(4);
    expect(actions.filter((a) => a === "auth.locked")).toHaveLength(1);
    expect(await attemptLogin(u.email, u.password)).toMatchObject({ ok: false, code: "locked" });
  });

  it("throttles an address after 20 failures across accounts, and records failures for unknown emails", async () => {
    const prisma = await db();
    const address = `198.51.100.${Math.floor(Math.random() * 200)}`;
    const before = await prisma.activity.count({ where: { action: "auth.login_failed" } });
    for (let i = 0; i < 20; i++)
      expect(
        await attemptLogin(`nobody${i}@example.test`, "guess guess!!", new Date(), address),
      ).toMatchObject({ ok: false, code: "invalid" });
    const u = await makeUser("engineer");
    // The right password of another account, from the throttled address: refused unchecked.
    expect(await attemptLogin(u.email, u.password, new Date(), address)).toMatchObject({
      ok: false,
      code: "throttled",
    });
    expect(await attemptLogin(u.email, u.password, new Date(), "203.0.113.9")).toMatchObject({
      ok: true,
    });
    // Unknown emails are recorded (at most 30 per address in 15 minutes).
    const after = await prisma.activity.count({ where: { action: "auth.login_failed" } });
    expect(after - before).toBe(20);
  });
});
