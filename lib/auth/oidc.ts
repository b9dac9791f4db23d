// Who a single sign-on is allowed to be. The identity provider vouches for an e-mail address and
// a subject; Trustboard decides: the domain must be allowed, the address verified, and the
// account must exist (linked by subject, or by e-mail on its first SSO sign-in) unless new users
// are allowed, who then get the configured role (never admin). Every refusal is recorded with
// its reason, never with a token.
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { addDays } from "@/lib/dates";
import type { User } from "@/lib/generated/prisma/client";
import { insertUser } from "@/lib/users/insert-user";
import { finishSignIn, refusalOf, type FinishOutcome } from "./finish-sign-in";
import { lockedUntil } from "./lockout";
import type { OidcSettings } from "./oidc-config";
import { cutText } from "@/lib/validation/storable";

/** Days of access an auditor created by single sign-on gets (the admin can change it). */
export const SSO_AUDITOR_DAYS = 30;

export interface OidcIdentity {
  sub: string;
  email?: string | null;
  emailVerified?: boolean | null;
  name?: string | null;
}

export type SsoRefusal =
  | "no_email"
  | "unverified"
  | "domain"
  | "unknown"
  | "linked_elsewhere"
  | "inactive"
  | "expired"
  | "locked";

export type SsoOutcome =
  { ok: true; user: User; created: boolean } | { ok: false; reason: SsoRefusal };

const REASONS: Record<SsoRefusal, string> = {
  no_email: "the identity provider sent no e-mail address",
  unverified: "the identity provider has not verified the e-mail address",
  domain: "the e-mail domain is not allowed",
  unknown:
    "no Trustboard account has this e-mail address, and new accounts are not created by single sign-on",
  linked_elsewhere: "the account is linked to another single sign-on identity",
  inactive: "the account is deactivated",
  expired: "the auditor's access has expired",
  locked: "the account is locked after failed sign-ins",
};

export const domainOf = (email: string) => email.slice(email.lastIndexOf("@") + 1).toLowerCase();

/** The decision without side effects beyond linking/creating the account. */
async function resolveIdentity(
  identity: OidcIdentity,
  settings: OidcSettings,
  now: Date,
): Promise<SsoOutcome> {
  const email = identity.email?.trim().toLowerCase();
  if (!email || !email.includes("@")) return { ok: false, reason: "no_email" };
  if (identity.emailVerified === false) return { ok: false, reason: "unverified" };
  if (settings.allowedDomains.length > 0 && !settings.allowedDomains.includes(domainOf(email)))
    return { ok: false, reason: "domain" };
  const subject = `${settings.issuer}|${identity.sub}`;
  const prisma = await db();
  let user =
    (await prisma.user.findUnique({ where: { oidcSubject: subject } })) ??
    (await prisma.user.findUnique({ where: { email } }));
  let created = false;
  if (user && user.oidcSubject !== null && user.oidcSubject !== subject)
    return { ok: false, reason: "linked_elsewhere" };
  if (!user) {
    if (settings.newUsers === "none") return { ok: false, reason: "unknown" };
    const role = settings.newUsers;
    const id = await prisma.$transaction((tx) =>
      insertUser(
        tx,
        { id: null, email: "sso" },
        {
          email,
          name: cutText(identity.name?.trim() ?? "", 200) || email,
          role,
          // No password: this account signs in by single sign-on (or sets one by a reset link).
          password: { sso: true },
          accessExpiresAt: role === "auditor" ? addDays(now, SSO_AUDITOR_DAYS) : null,
        },
        "first single sign-on",
      ),
    );
    user = await prisma.user.findUniqueOrThrow({ where: { id } });
    created = true;
  }
  const refusal = refusalOf(user, now);
  if (refusal) return { ok: false, reason: refusal };
  if (lockedUntil(user, now)) return { ok: false, reason: "locked" };
  if (user.oidcSubject === null) {
    const linked = user;
    user = await prisma.$transaction(async (tx) => {
      const row = await tx.user.update({
        where: { id: linked.id },
        data: { oidcSubject: subject },
      });
      await recordActivity(
        tx,
        { id: linked.id, email: linked.email },
        {
          action: "auth.sso_link",
          entityType: "user",
          entityId: linked.id,
          summary: `${linked.email} linked to the single sign-on identity ${identity.sub} at ${settings.issuer}`,
        },
      );
      return row;
    });
  }
  return { ok: true, user, created };
}

/** Decides an SSO sign-in and records it: auth.login (single sign-on) or auth.sso_refused. */
export async function signInWithOidc(
  identity: OidcIdentity,
  settings: OidcSettings,
  now = new Date(),
): Promise<SsoOutcome> {
  const outcome = await resolveIdentity(identity, settings, now);
  if (!outcome.ok) {
    const who =
      cutText(identity.email?.trim().toLowerCase() ?? "", 320) || `subject ${identity.sub}`;
    await (
      await db()
    ).$transaction((tx) =>
      recordActivity(
        tx,
        { id: null, email: who },
        {
          action: "auth.sso_refused",
          entityType: "user",
          summary: `Single sign-on refused for ${who}: ${REASONS[outcome.reason]}`,
        },
      ),
    );
    return outcome;
  }
  const finished: FinishOutcome = await finishSignIn(outcome.user, now, "single sign-on");
  if (!finished.ok) return { ok: false, reason: finished.code };
  return outcome;
}
