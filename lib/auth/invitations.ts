import "server-only";
// Invitations and password resets: one mechanism. An administrator (or the CLI) creates a
// one-time link; only its hash is stored; the person it is for chooses their own password on
// /password/<token>. Using it sets the password, ends every session of the account and spends
// the link. Every step is in the activity log; no token or password ever is.
import { authorize } from "@/lib/auth/authorize";
import type { Actor } from "@/lib/auth/actor";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { conflict, invalid, notFound } from "@/lib/errors";
import { recordActivity } from "@/lib/activity/record";
import { expiryFromDate, lastAccessDay } from "@/lib/auth/access";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblem } from "@/lib/auth/password-policy";
import { CLEARED } from "@/lib/auth/lockout";
import { mayRecord } from "@/lib/auth/throttle";
import { insertUser } from "@/lib/users/insert-user";
import { deliver } from "@/lib/mail/deliver";
import { invitationMail, resetMail } from "@/lib/mail/messages";
import type { MailResult } from "@/lib/mail/mailer";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  NO_PASSWORD_YET,
  credentialExpiry,
  credentialState,
  hashCredentialToken,
  isCredentialTokenShape,
  newCredentialToken,
  type CredentialPurpose,
  type CredentialState,
} from "./credential-tokens";
import { credentialLink } from "./links";

export interface IssuedLink {
  userId: string;
  email: string;
  purpose: CredentialPurpose;
  /** The link itself: shown once to whoever issued it, never stored or logged. */
  link: string;
  expiresAt: Date;
  /** What became of the e-mail: sent, failed (the link must be passed on by hand) or off. */
  mail: MailResult["status"];
}

const UNUSABLE = "This link is not valid. Ask your administrator for a new one.";
const LINK_WORDS: Record<CredentialPurpose, string> = {
  invitation: "invitation",
  reset: "password reset link",
};

function hoursFor(purpose: CredentialPurpose): number {
  return purpose === "invitation"
    ? env().TRUSTBOARD_INVITATION_HOURS
    : env().TRUSTBOARD_RESET_HOURS;
}

/** Stores a new link for the account, replacing any unused one of the same purpose. */
async function storeLink(
  tx: Tx,
  actor: Actor,
  userId: string,
  purpose: CredentialPurpose,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  await tx.credentialToken.updateMany({
    where: { userId, purpose, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  const token = newCredentialToken();
  const expiresAt = credentialExpiry(now, hoursFor(purpose));
  await tx.credentialToken.create({
    data: {
      userId,
      purpose,
      tokenHash: hashCredentialToken(token),
      expiresAt,
      createdById: actor.kind === "user" ? actor.id : null,
    },
  });
  return { token, expiresAt };
}

async function mailLink(
  actor: Actor,
  issued: Omit<IssuedLink, "mail">,
  account: { role: Role; accessExpiresAt: Date | null },
): Promise<IssuedLink> {
  const mail =
    issued.purpose === "invitation"
      ? invitationMail({
          to: issued.email,
          ...account,
          link: issued.link,
          expiresAt: issued.expiresAt,
        })
      : resetMail({ to: issued.email, link: issued.link, expiresAt: issued.expiresAt });
  const result = await deliver(
    actor,
    { kind: LINK_WORDS[issued.purpose], userId: issued.userId },
    mail,
  );
  return { ...issued, mail: result.status };
}

/** Adds an account without a password and invites its owner to choose one. */
export async function inviteUser(
  actor: Actor | null,
  input: { email: string; name: string; role: Role; expires: string | null },
  opts: { how?: string; origin?: string | null; now?: Date } = {},
): Promise<IssuedLink> {
  authorize(actor, "users.manage");
  const now = opts.now ?? new Date();
  const accessExpiresAt =
    input.role === "auditor" && input.expires ? expiryFromDate(input.expires) : null;
  const prisma = await db();
  const { userId, email, token, expiresAt } = await prisma.$transaction(async (tx) => {
    const userId = await insertUser(
      tx,
      actor,
      { ...input, password: null, accessExpiresAt },
      opts.how ?? "by an administrator",
    );
    const email = input.email.trim().toLowerCase();
    const link = await storeLink(tx, actor, userId, "invitation", now);
    await recordActivity(tx, actor, {
      action: "invitation.create",
      entityType: "user",
      entityId: userId,
      summary: `Invited ${email} as ${input.role}; the link works once until ${link.expiresAt.toISOString()}${accessExpiresAt ? `, access through ${lastAccessDay(accessExpiresAt)}` : ""}`,
      after: { role: input.role, linkExpiresAt: link.expiresAt, accessExpiresAt },
    });
    return { userId, email, ...link };
  });
  return mailLink(
    actor,
    { userId, email, purpose: "invitation", link: credentialLink(token, opts.origin), expiresAt },
    { role: input.role, accessExpiresAt },
  );
}

/**
 * A new link for an existing account: a fresh invitation while it has no password yet, else a
 * password reset. The administrator never sees or sets the password.
 */
export async function issueCredentialLink(
  actor: Actor | null,
  userId: string,
  opts: { origin?: string | null; now?: Date } = {},
): Promise<IssuedLink> {
  authorize(actor, "users.manage");
  const now = opts.now ?? new Date();
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, role: true, active: true, passwordHash: true, accessExpiresAt: true },
  });
  if (!user) throw notFound("That account no longer exists.");
  if (!user.active) throw conflict(`Reactivate ${user.email} before issuing a link.`);
  const purpose: CredentialPurpose = user.passwordHash === NO_PASSWORD_YET ? "invitation" : "reset";
  const { token, expiresAt } = await prisma.$transaction(async (tx) => {
    const link = await storeLink(tx, actor, userId, purpose, now);
    await recordActivity(tx, actor, {
      action: purpose === "invitation" ? "invitation.reissue" : "password.reset_issue",
      entityType: "user",
      entityId: userId,
      summary: `Issued a new ${LINK_WORDS[purpose]} for ${user.email}; it works once until ${link.expiresAt.toISOString()}`,
    });
    return link;
  });
  return mailLink(
    actor,
    { userId, email: user.email, purpose, link: credentialLink(token, opts.origin), expiresAt },
    user,
  );
}

export type LinkView =
  | { state: "valid"; purpose: CredentialPurpose; email: string }
  | { state: Exclude<CredentialState, "valid"> | "unknown" };

async function findLink(token: string) {
  if (!isCredentialTokenShape(token)) return null;
  return (await db()).credentialToken.findUnique({
    where: { tokenHash: hashCredentialToken(token) },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, active: true } },
    },
  });
}

type FoundLink = NonNullable<Awaited<ReturnType<typeof findLink>>>;

/** An expired link someone tried: recorded (rate-limited per link, it is an anonymous door). */
async function recordExpired(row: FoundLink): Promise<void> {
  if (!mayRecord(`link-expired:${row.id}`)) return;
  await (
    await db()
  ).$transaction((tx) =>
    recordActivity(tx, row.user, {
      action: row.purpose === "invitation" ? "invitation.expired" : "password.reset_expired",
      entityType: "user",
      entityId: row.user.id,
      summary: `An expired ${LINK_WORDS[row.purpose]} for ${row.user.email} was used (expired ${row.expiresAt.toISOString()})`,
    }),
  );
}

/** What the link page shows. Public: the token is the credential. */
export async function inspectCredentialLink(token: string, now = new Date()): Promise<LinkView> {
  const row = await findLink(token);
  if (!row || !row.user.active) return { state: "unknown" };
  const state = credentialState(row, now);
  // Showing the link page is a GET, which never writes to the activity log (issue 10): an
  // expired link is recorded when someone submits it (redeemCredentialLink), only logged here.
  if (state === "expired" && mayRecord(`link-expired-view:${row.id}`))
    console.warn(`[link] an expired ${LINK_WORDS[row.purpose]} for ${row.user.email} was opened`);
  if (state !== "valid") return { state };
  return { state, purpose: row.purpose, email: row.user.email };
}

const REFUSED: Record<Exclude<CredentialState, "valid">, string> = {
  expired: "This link has expired. Ask your administrator for a new one.",
  used: "This link has already been used. Sign in, or ask your administrator for a new one.",
  revoked: "A newer link replaced this one. Use the latest link you were sent.",
};

/**
 * Uses a link: sets the password, ends every session of the account, spends the link (and any
 * other open link of the account). Public: the token is the credential.
 */
export async function redeemCredentialLink(
  token: string,
  password: string,
  now = new Date(),
): Promise<{ email: string; purpose: CredentialPurpose }> {
  const problem = passwordProblem(password);
  if (problem) throw invalid(problem, "password");
  const found = await findLink(token);
  if (!found || !found.user.active) throw invalid(UNUSABLE);
  const state = credentialState(found, now);
  if (state === "expired") await recordExpired(found);
  if (state !== "valid") throw invalid(REFUSED[state]);
  const passwordHash = await hashPassword(password);
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    // Under the row lock, so two uses of one link cannot both pass.
    const [locked] = await tx.$queryRaw<
      { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }[]
    >`SELECT used_at AS "usedAt", revoked_at AS "revokedAt", expires_at AS "expiresAt"
      FROM credential_tokens WHERE id = ${found.id}::uuid FOR UPDATE`;
    const now2 = locked ? credentialState(locked, now) : "revoked";
    if (now2 !== "valid") throw invalid(REFUSED[now2]);
    await tx.user.update({
      where: { id: found.user.id },
      data: { passwordHash, sessionVersion: { increment: 1 }, ...CLEARED },
    });
    await tx.credentialToken.update({ where: { id: found.id }, data: { usedAt: now } });
    await tx.credentialToken.updateMany({
      where: { userId: found.user.id, usedAt: null, revokedAt: null },
      data: { revokedAt: now },
    });
    await recordActivity(tx, found.user, {
      action: found.purpose === "invitation" ? "invitation.accept" : "password.reset",
      entityType: "user",
      entityId: found.user.id,
      summary:
        found.purpose === "invitation"
          ? `${found.user.email} accepted the invitation and chose a password`
          : `${found.user.email} set a new password with a reset link; every session of the account ended`,
    });
    return { email: found.user.email, purpose: found.purpose };
  });
}

/** For the users table: which accounts still wait for their invitation to be used. */
export async function pendingInvitations(
  actor: Actor | null,
  now = new Date(),
): Promise<Map<string, { expiresAt: Date; expired: boolean }>> {
  authorize(actor, "users.manage");
  const rows = await (
    await db()
  ).credentialToken.findMany({
    where: { purpose: "invitation", usedAt: null, revokedAt: null },
    select: { userId: true, expiresAt: true },
  });
  return new Map(
    rows.map((r) => [
      r.userId,
      { expiresAt: r.expiresAt, expired: r.expiresAt.getTime() <= now.getTime() },
    ]),
  );
}
