import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { hasOwnPassword } from "./credential-tokens";
import { signInWithOidc } from "./oidc";
import type { OidcSettings } from "./oidc-config";

const settings = (over: Partial<OidcSettings> = {}): OidcSettings => ({
  issuer: "https://idp.example.test",
  clientId: "trustboard",
  clientSecret: "s3cret-client-value",
  name: "Example IdP",
  allowedDomains: ["example.test"],
  newUsers: "none",
  ...over,
});

const refusals = async (email: string) =>
  (
    await (
      await db()
    ).activity.findMany({ where: { action: "auth.sso_refused", actorEmail: email } })
  ).map((a) => a.summary);

beforeAll(async () => {
  await db();
});

describe("single sign-on provisioning", () => {
  it("signs in an existing account by e-mail, links the subject, and then finds it by subject", async () => {
    const u = await makeUser("engineer");
    const sub = randomUUID();
    const first = await signInWithOidc({ sub, email: u.email, emailVerified: true }, settings());
    expect(first).toMatchObject({ ok: true, created: false, user: { id: u.id } });
    const row = await (await db()).user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.oidcSubject).toBe(`https://idp.example.test|${sub}`);
    // The provider may change the address; the subject still names the account.
    const again = await signInWithOidc({ sub, email: "renamed@example.test" }, settings());
    expect(again).toMatchObject({ ok: true, user: { id: u.id } });
    const log = await (await db()).activity.findMany({ where: { entityId: u.id } });
    expect(log.map((a) => a.action)).toEqual(
      expect.arrayContaining(["auth.sso_link", "auth.login"]),
    );
    expect(log.find((a) => a.action === "auth.login")?.summary).toContain("single sign-on");
    expect(JSON.stringify(log, (_k, v: unknown) => (typeof v === "bigint" ? "" : v))).not.toContain(
      "s3cret-client-value",
    );
  });

  it("refuses a foreign e-mail domain and records why", async () => {
    const email = `someone-${randomUUID()}@elsewhere.test`;
    const out = await signInWithOidc(
      { sub: randomUUID(), email },
      settings({ newUsers: "engineer" }),
    );
    expect(out).toEqual({ ok: false, reason: "domain" });
    expect(await (await db()).user.findUnique({ where: { email } })).toBeNull();
    expect(await refusals(email)).toEqual([expect.stringContaining("domain is not allowed")]);
  });

  it("refuses an unknown account when accounts must already exist", async () => {
    const email = `new-${randomUUID()}@example.test`;
    expect(await signInWithOidc({ sub: randomUUID(), email }, settings())).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(await (await db()).user.findUnique({ where: { email } })).toBeNull();
  });

  it("creates a new account with the configured role (auditors time-boxed)", async () => {
    const email = `new-${randomUUID()}@example.test`;
    const out = await signInWithOidc(
      { sub: randomUUID(), email, name: "New Person", emailVerified: true },
      settings({ newUsers: "auditor" }),
    );
    expect(out).toMatchObject({ ok: true, created: true, user: { email, role: "auditor" } });
    if (out.ok) expect(out.user.accessExpiresAt!.getTime()).toBeGreaterThan(Date.now());
    const created = await (
      await db()
    ).activity.findFirst({
      where: { action: "user.create", entityId: out.ok ? out.user.id : "" },
    });
    expect(created?.summary).toContain("first single sign-on");
    // No password anybody could know or guess: the account signs in through its provider.
    const row = await (await db()).user.findUniqueOrThrow({ where: { email } });
    expect(hasOwnPassword(row.passwordHash)).toBe(false);
  });

  it("refuses an unverified address, a deactivated account and a subject already linked elsewhere", async () => {
    const u = await makeUser("engineer");
    expect(
      await signInWithOidc({ sub: randomUUID(), email: u.email, emailVerified: false }, settings()),
    ).toEqual({ ok: false, reason: "unverified" });
    const sub = randomUUID();
    expect(await signInWithOidc({ sub, email: u.email }, settings())).toMatchObject({ ok: true });
    expect(await signInWithOidc({ sub: randomUUID(), email: u.email }, settings())).toEqual({
      ok: false,
      reason: "linked_elsewhere",
    });
    await (await db()).user.update({ where: { id: u.id }, data: { active: false } });
    expect(await signInWithOidc({ sub, email: u.email }, settings())).toEqual({
      ok: false,
      reason: "inactive",
    });
  });
});
