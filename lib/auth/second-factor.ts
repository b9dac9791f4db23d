// A user's own second factors: TOTP enrolment (secret encrypted at rest with the secret key),
// recovery codes (hashed, shown once), passkey listing and removal. Removing a factor or
// replacing the recovery codes needs the password and a current code; wrong ones count towards
// the lockout like wrong sign-ins.
import "server-only";
import QRCode from "qrcode";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import type { Tx } from "@/lib/db/tx";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, invalid, notFound } from "@/lib/errors";
import { decryptSecret, encryptSecret } from "@/lib/collectors/audit/crypto";
import { existingSecretKey, secretKey } from "@/lib/collectors/audit/secret-key";
import type { Actor } from "./actor";
import { accountId } from "./actor";
import { authorize } from "./authorize";
import { verifyPassword } from "./password";
import { countFailure } from "./failure-count";
import { lockedUntil } from "./lockout";
import { newTotpSecret, totpUri, verifyTotp } from "./totp";
import { hashRecoveryCode, matchRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { policyForRole } from "./role-policy";

export interface SecondFactorOverview {
  totpEnabled: boolean;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodesLeft: number;
  /** The role requires a second factor. */
  required: boolean;
}

export async function secondFactorOverview(actor: Actor | null): Promise<SecondFactorOverview> {
  authorize(actor, "account.security");
  const prisma = await db();
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: accountId(actor) },
    select: { role: true, totpEnabledAt: true },
  });
  const [passkeys, recoveryCodesLeft, policy] = await Promise.all([
    prisma.passkey.findMany({
      where: { userId: accountId(actor) },
      select: { id: true, name: true, createdAt: true, lastUsedAt: true },
      orderBy: { createdAt: "asc" },
    }),
    prisma.recoveryCode.count({ where: { userId: accountId(actor), usedAt: null } }),
    policyForRole(user.role),
  ]);
  return {
    totpEnabled: user.totpEnabledAt !== null,
    passkeys,
    recoveryCodesLeft,
    required: policy.requireSecondFactor,
  };
}

export interface TotpEnrolment {
  /** Base32, for typing into an app that cannot scan. */
  secret: string;
  uri: string;
  /** The otpauth URI as a QR code (data: URL of an SVG, drawn here: nothing is fetched). */
  qr: string;
}

/** A new secret, kept (encrypted) as pending until the first code from it is confirmed. */
export async function startTotpEnrolment(actor: Actor | null): Promise<TotpEnrolment> {
  authorize(actor, "account.security");
  const prisma = await db();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: accountId(actor) } });
  if (user.totpEnabledAt) throw invalid("An authenticator app is already set up; remove it first.");
  const secret = newTotpSecret();
  await prisma.user.update({
    where: { id: user.id },
    data: { totpPendingSecret: encryptSecret(secret, secretKey()) },
  });
  const uri = totpUri(user.email, secret);
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

/** Recovery codes for a user who has none left unused: the plain codes, to show once. */
async function issueRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c)! })),
  });
  return codes;
}

/** Recovery codes when the first factor is enrolled (or the old ones are all used). */
export async function recoveryCodesIfNone(tx: Tx, userId: string): Promise<string[] | null> {
  const unused = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
  return unused > 0 ? null : issueRecoveryCodes(tx, userId);
}

export async function confirmTotpEnrolment(
  actor: Actor | null,
  code: string,
  now = new Date(),
): Promise<{ recoveryCodes: string[] | null }> {
  authorize(actor, "account.security");
  const prisma = await db();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: accountId(actor) } });
  if (user.totpEnabledAt) throw invalid("An authenticator app is already set up.");
  if (!user.totpPendingSecret) throw invalid("Start the set-up again: no secret is waiting.");
  const secret = decryptSecret(user.totpPendingSecret, existingSecretKey());
  const step = await verifyTotp(secret, code, now, null);
  if (step === null)
    throw invalid(
      "That code does not match. Check the app's clock and enter the current code.",
      "code",
    );
  return prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: {
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: step,
      },
    });
    const recoveryCodes = await recoveryCodesIfNone(tx, user.id);
    await recordActivity(tx, actor, {
      action: "factor.enrol",
      entityType: "user",
      entityId: user.id,
      summary: `${user.email} set up an authenticator app (TOTP)${recoveryCodes ? " and received 10 recovery codes" : ""}`,
    });
    return { recoveryCodes };
  });
}

export type CodeKind = "totp" | "recovery";

/**
 * Uses up a TOTP code (its time step is recorded so it cannot be replayed) or a recovery code
 * (marked used), inside the caller's transaction. Null: no match.
 */
export async function consumeCode(
  tx: Tx,
  userId: string,
  code: string,
  now: Date,
): Promise<CodeKind | null> {
  const [row] = await tx.$queryRaw<{ totpSecret: string | null; totpLastStep: number | null }[]>`
    SELECT totp_secret AS "totpSecret", totp_last_step AS "totpLastStep"
    FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
  if (row?.totpSecret) {
    const secret = decryptSecret(row.totpSecret, existingSecretKey());
    const step = await verifyTotp(secret, code, now, row.totpLastStep);
    if (step !== null) {
      await tx.user.update({ where: { id: userId }, data: { totpLastStep: step } });
      return "totp";
    }
  }
  const stored = await tx.recoveryCode.findMany({ where: { userId, usedAt: null } });
  const match = matchRecoveryCode(stored, code);
  if (!match) return null;
  // Conditional on still being unused: of two parallel uses, one wins.
  const used = await tx.recoveryCode.updateMany({
    where: { id: match.id, usedAt: null },
    data: { usedAt: now },
  });
  return used.count === 1 ? "recovery" : null;
}

/**
 * Checks the password and a code for a change to the factors; wrong ones are counted like a
 * failed sign-in. Runs `change` in the same transaction as the code's use.
 */
async function withPasswordAndCode<T>(
  actor: Actor,
  input: { password: string; code: string },
  now: Date,
  change: (tx: Tx, user: { id: string; email: string; role: Role }) => Promise<T>,
): Promise<T> {
  const prisma = await db();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: accountId(actor) } });
  if (lockedUntil(user, now))
    throw new AppError("rate_limited", "Too many wrong codes or passwords: try again later.");
  const refuse = async (field: "password" | "code", message: string) => {
    await countFailure(
      user,
      now,
      `Wrong ${field === "password" ? "password" : "second-factor code"} for ${user.email} while changing second factors`,
      "auth.factor_check_failed",
    );
    return invalid(message, field);
  };
  if (!(await verifyPassword(user.passwordHash, input.password)))
    throw await refuse("password", "Wrong password.");
  const result = await prisma.$transaction(async (tx) => {
    const kind = await consumeCode(tx, user.id, input.code, now);
    if (!kind) return { ok: false as const };
    return { ok: true as const, value: await change(tx, user) };
  });
  if (!result.ok)
    throw await refuse(
      "code",
      "That code does not match a current authenticator or unused recovery code.",
    );
  return result.value;
}

async function assertNotLastRequired(
  tx: Tx,
  userId: string,
  role: Role,
  removing: "totp" | "passkey",
) {
  const policy = await policyForRole(role, tx);
  if (!policy.requireSecondFactor) return;
  const user = await tx.user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpEnabledAt: true },
  });
  const passkeys = await tx.passkey.count({ where: { userId } });
  const left =
    (user.totpEnabledAt && removing !== "totp" ? 1 : 0) +
    passkeys -
    (removing === "passkey" ? 1 : 0);
  if (left < 1)
    throw invalid("Your role requires a second factor: add another one before removing this one.");
}

export async function removeTotp(
  actor: Actor | null,
  input: { password: string; code: string },
  now = new Date(),
): Promise<void> {
  authorize(actor, "account.security");
  const row = await (await db()).user.findUniqueOrThrow({ where: { id: accountId(actor) } });
  if (!row.totpEnabledAt) throw notFound("No authenticator app is set up.");
  await withPasswordAndCode(actor, input, now, async (tx, user) => {
    await assertNotLastRequired(tx, user.id, user.role, "totp");
    await tx.user.update({
      where: { id: user.id },
      data: { totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await recordActivity(tx, actor, {
      action: "factor.remove",
      entityType: "user",
      entityId: user.id,
      summary: `${user.email} removed their authenticator app (TOTP)`,
    });
  });
}

export async function removePasskey(
  actor: Actor | null,
  input: { passkeyId: string; password: string; code: string },
  now = new Date(),
): Promise<void> {
  authorize(actor, "account.security");
  const passkey = await (
    await db()
  ).passkey.findFirst({ where: { id: input.passkeyId, userId: accountId(actor) } });
  if (!passkey) throw notFound("No such passkey on your account.");
  await withPasswordAndCode(actor, input, now, async (tx, user) => {
    await assertNotLastRequired(tx, user.id, user.role, "passkey");
    await tx.passkey.delete({ where: { id: passkey.id } });
    await recordActivity(tx, actor, {
      action: "factor.remove",
      entityType: "user",
      entityId: user.id,
      summary: `${user.email} removed the passkey "${passkey.name}"`,
    });
  });
}

/** Ten new recovery codes replacing the old ones (password and a code required). */
export async function replaceRecoveryCodes(
  actor: Actor | null,
  input: { password: string; code: string },
  now = new Date(),
): Promise<string[]> {
  authorize(actor, "account.security");
  return withPasswordAndCode(actor, input, now, async (tx, user) => {
    const codes = await issueRecoveryCodes(tx, user.id);
    await recordActivity(tx, actor, {
      action: "factor.recovery_codes",
      entityType: "user",
      entityId: user.id,
      summary: `${user.email} replaced their recovery codes`,
    });
    return codes;
  });
}
