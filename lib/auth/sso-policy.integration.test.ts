// Password sign-in turned off for a role once SSO is configured; break-glass admins keep it.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { makeUser } from "@/lib/testing/fixtures";

const sso = vi.hoisted(() => ({ configured: true, breakGlass: [] as string[] }));
vi.mock("./oidc-config", async (original) => ({
  ...(await original<typeof import("./oidc-config")>()),
  oidcConfigured: () => sso.configured,
  breakGlassEmails: () => sso.breakGlass,
}));

const { attemptLogin } = await import("./login");
const { setRolePolicy } = await import("./role-policy");

beforeAll(async () => {
  await db();
});

describe("password sign-in per role with single sign-on", () => {
  it("refuses the password of a role limited to SSO, after checking it, and records why", async () => {
    const u = await makeUser("engineer");
    await setRolePolicy(SYSTEM_ACTOR, {
      role: "engineer",
      requireSecondFactor: false,
      passwordSignIn: false,
    });
    expect(await attemptLogin(u.email, "wrong password!!")).toEqual({
      ok: false,
      code: "invalid",
    });
    expect(await attemptLogin(u.email, u.password)).toEqual({ ok: false, code: "sso_only" });
    const refused = await (
      await db()
    ).activity.findFirst({ where: { entityId: u.id, action: "auth.login_refused" } });
    expect(refused?.summary).toContain("signs in with single sign-on");
    await setRolePolicy(SYSTEM_ACTOR, {
      role: "engineer",
      requireSecondFactor: false,
      passwordSignIn: true,
    });
    expect(await attemptLogin(u.email, u.password)).toMatchObject({ ok: true });
  });

  it("keeps a break-glass admin, and refuses turning admins off without one", async () => {
    const admin = await makeUser("admin");
    const other = await makeUser("admin");
    sso.breakGlass = [];
    await expect(
      setRolePolicy(SYSTEM_ACTOR, {
        role: "admin",
        requireSecondFactor: false,
        passwordSignIn: false,
      }),
    ).rejects.toMatchObject({ code: "invalid", details: { field: "passwordSignIn" } });
    sso.breakGlass = [admin.email];
    await setRolePolicy(SYSTEM_ACTOR, {
      role: "admin",
      requireSecondFactor: false,
      passwordSignIn: false,
    });
    expect(await attemptLogin(admin.email, admin.password)).toMatchObject({ ok: true });
    expect(await attemptLogin(other.email, other.password)).toEqual({
      ok: false,
      code: "sso_only",
    });
    await setRolePolicy(SYSTEM_ACTOR, {
      role: "admin",
      requireSecondFactor: false,
      passwordSignIn: true,
    });
  });

  it("cannot turn password sign-in off while SSO is not configured", async () => {
    sso.configured = false;
    await expect(
      setRolePolicy(SYSTEM_ACTOR, {
        role: "auditor",
        requireSecondFactor: false,
        passwordSignIn: false,
      }),
    ).rejects.toMatchObject({ code: "invalid" });
    sso.configured = true;
  });
});
