import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "otplib";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { makeUser } from "@/lib/testing/fixtures";
import { attemptLogin } from "./login";
import { completeSecondFactor } from "./second-factor-sign-in";
import {
  confirmTotpEnrolment,
  removeTotp,
  replaceRecoveryCodes,
  secondFactorOverview,
  startTotpEnrolment,
} from "./second-factor";
import { setRolePolicy } from "./role-policy";
import { enrolmentRequired } from "./second-factor-state";
import { TOTP_PERIOD } from "./totp";

const codeAt = (secret: string, at: Date) =>
  generate({ secret, epoch: Math.floor(at.getTime() / 1000) });
/** Dates one step apart from now, so each code is fresh (a replayed step is refused). */
const step = (n: number) => new Date(Date.now() + n * TOTP_PERIOD * 1000);

async function enrolled() {
  const u = await makeUser("engineer");
  const { secret } = await startTotpEnrolment(u);
  const { recoveryCodes } = await confirmTotpEnrolment(u, await codeAt(secret, step(0)), step(0));
  return { u, secret, recoveryCodes: recoveryCodes! };
}

async function actions(userId: string) {
  const rows = await (
    await db()
  ).activity.findMany({ where: { entityId: userId }, orderBy: { seq: "asc" } });
  return rows;
}

// Opening (and migrating) the database is slow on a loaded machine: not part of a test's time.
beforeAll(async () => {
  await db();
});

describe("TOTP enrolment", () => {
  it("keeps the secret encrypted, needs a right code, and issues ten recovery codes once", async () => {
    const u = await makeUser("engineer");
    const { secret, qr, uri } = await startTotpEnrolment(u);
    expect(qr.startsWith("data:image/svg+xml;base64,")).toBe(true);
    expect(uri).toContain(secret);
    const row = await (await db()).user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.totpPendingSecret).not.toContain(secret);
    expect(row.totpPendingSecret?.startsWith("v1.")).toBe(true);
    await expect(confirmTotpEnrolment(u, "000000")).rejects.toMatchObject({ code: "invalid" });
    const { recoveryCodes } = await confirmTotpEnrolment(u, await codeAt(secret, new Date()));
    expect(recoveryCodes).toHaveLength(10);
    const after = await (await db()).user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.totpEnabledAt).not.toBeNull();
    expect(after.totpSecret?.startsWith("v1.")).toBe(true);
    expect(after.totpPendingSecret).toBeNull();
    const stored = await (await db()).recoveryCode.findMany({ where: { userId: u.id } });
    expect(stored.map((c) => c.codeHash)).not.toContain(recoveryCodes![0]);
    expect(await secondFactorOverview(u)).toMatchObject({
      totpEnabled: true,
      recoveryCodesLeft: 10,
    });
    // Neither the secret nor a code reaches the activity log.
    const log = JSON.stringify(await actions(u.id), (_k, v: unknown) =>
      typeof v === "bigint" ? String(v) : v,
    );
    expect(log).toContain("factor.enrol");
    expect(log).not.toContain(secret);
    for (const c of recoveryCodes!) expect(log).not.toContain(c);
  });
});

describe("sign-in with a second factor", () => {
  it("asks for the code after the right password, then signs in with it once", async () => {
    const { u, secret } = await enrolled();
    const first = await attemptLogin(u.email, u.password);
    expect(first).toEqual({ ok: false, code: "second_factor", userId: u.id });
    const code = await codeAt(secret, step(1));
    expect(await completeSecondFactor(u.id, code, step(1))).toMatchObject({
      ok: true,
      user: { id: u.id },
    });
    // The same code again is a replay.
    expect(await completeSecondFactor(u.id, code, step(1))).toEqual({ ok: false, code: "invalid" });
    const last = (await actions(u.id)).filter((a) => a.action === "auth.login").at(-1);
    expect(last?.summary).toContain("password + TOTP");
  });

  it("accepts each recovery code once", async () => {
    const { u, recoveryCodes } = await enrolled();
    expect(await completeSecondFactor(u.id, recoveryCodes[3]!)).toMatchObject({ ok: true });
    expect(await completeSecondFactor(u.id, recoveryCodes[3]!)).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(await secondFactorOverview(u)).toMatchObject({ recoveryCodesLeft: 9 });
  });

  it("counts wrong codes towards the lockout", async () => {
    const { u, secret } = await enrolled();
    const t = new Date();
    for (let i = 0; i < 4; i++)
      expect(await completeSecondFactor(u.id, "bad-code", t)).toEqual({
        ok: false,
        code: "invalid",
      });
    expect(await completeSecondFactor(u.id, "bad-code", t)).toMatchObject({
      ok: false,
      code: "locked",
    });
    // Even the right code is refused while locked, and so is the password.
    expect(await completeSecondFactor(u.id, await codeAt(secret, t), t)).toMatchObject({
      code: "locked",
    });
    expect(await attemptLogin(u.email, u.password, t)).toMatchObject({ code: "locked" });
    const log = await actions(u.id);
    expect(log.filter((a) => a.action === "auth.second_factor_failed")).toHaveLength(4);
    expect(log.some((a) => a.action === "auth.locked")).toBe(true);
  });
});

describe("removing a factor", () => {
  it("needs the password and a code; wrong ones change nothing and are counted", async () => {
    const { u, secret } = await enrolled();
    await expect(
      removeTotp(u, { password: "wrong password!!", code: await codeAt(secret, step(1)) }, step(1)),
    ).rejects.toMatchObject({ code: "invalid", details: { field: "password" } });
    await expect(
      removeTotp(u, { password: u.password, code: "123456" }, step(1)),
    ).rejects.toMatchObject({ code: "invalid", details: { field: "code" } });
    expect((await secondFactorOverview(u)).totpEnabled).toBe(true);
    const counted = await (await db()).user.findUniqueOrThrow({ where: { id: u.id } });
    expect(counted.failedLogins).toBe(2);
    await removeTotp(u, { password: u.password, code: await codeAt(secret, step(1)) }, step(1));
    expect((await secondFactorOverview(u)).totpEnabled).toBe(false);
    expect(await attemptLogin(u.email, u.password)).toMatchObject({ ok: true });
    expect((await actions(u.id)).map((a) => a.action)).toContain("factor.remove");
  });

  it("refuses removing the last factor of a role that requires one", async () => {
    await setRolePolicy(SYSTEM_ACTOR, {
      role: "auditor",
      requireSecondFactor: true,
      passwordSignIn: true,
    });
    const a = await makeUser("auditor");
    expect(await enrolmentRequired(a)).toBe(true);
    const { secret } = await startTotpEnrolment(a);
    const { recoveryCodes } = await confirmTotpEnrolment(a, await codeAt(secret, new Date()));
    expect(await enrolmentRequired(a)).toBe(false);
    await expect(
      removeTotp(a, { password: a.password, code: recoveryCodes![0]! }),
    ).rejects.toMatchObject({ code: "invalid" });
    // The refused removal did not use up the recovery code.
    expect((await secondFactorOverview(a)).recoveryCodesLeft).toBe(10);
    await setRolePolicy(SYSTEM_ACTOR, {
      role: "auditor",
      requireSecondFactor: false,
      passwordSignIn: true,
    });
  });

  it("replaces the recovery codes with the password and a code", async () => {
    const { u, recoveryCodes } = await enrolled();
    const fresh = await replaceRecoveryCodes(u, { password: u.password, code: recoveryCodes[0]! });
    expect(fresh).toHaveLength(10);
    expect(await completeSecondFactor(u.id, recoveryCodes[1]!)).toMatchObject({ ok: false });
    expect(await completeSecondFactor(u.id, fresh[0]!)).toMatchObject({ ok: true });
  });
});
