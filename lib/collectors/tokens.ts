import "server-only";
// API tokens for machines (CI pushing test results, scanners pushing findings). Only a SHA-256
// of the token is stored; the token itself is shown once. Scopes map to capabilities in the one
// capability table (lib/auth/capabilities.ts).
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordActivity, type ActivityActor } from "@/lib/activity/record";
import type { Actor, TokenActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { accountId } from "@/lib/auth/actor";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/auth/capabilities";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { addDays, isoDay } from "@/lib/dates";
import type { Tx } from "@/lib/db/tx";

export { TOKEN_SCOPES, type TokenScope };

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Tokens expire one year after creation unless a date is given. */
export const DEFAULT_TOKEN_DAYS = 365;

export interface NewToken {
  name: string;
  scopes: TokenScope[];
  /** Null or absent: one year from now. */
  expiresAt?: Date | null;
  /** The only source name the token may report. */
  source?: string | null;
  /** Control refs (CTL-004) and criterion ids (CC6.1) it may evidence; empty = any. */
  evidences?: string[];
}

export async function createToken(
  actor: Actor | null,
  input: NewToken,
  now = new Date(),
): Promise<{ id: string; token: string }> {
  authorize(actor, "tokens.manage");
  const expiresAt = input.expiresAt ?? addDays(now, DEFAULT_TOKEN_DAYS);
  const evidences = [...new Set((input.evidences ?? []).map((e) => e.trim().toUpperCase()))];
  const token = `tb_${randomBytes(24).toString("base64url")}`;
  return (await db()).$transaction(async (tx) => {
    await assertKnownRefs(tx, evidences);
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 8),
        scopes: input.scopes,
        expiresAt,
        source: input.source || null,
        evidences,
        createdById: actor.id,
        ownerId: actor.id,
      },
    });
    const binding = [
      input.source ? `source ${input.source}` : "",
      evidences.length ? `may evidence ${evidences.join(", ")}` : "",
    ].filter(Boolean);
    await recordActivity(tx, actor, {
      action: "token.create",
      entityType: "api_token",
      entityId: row.id,
      summary: `Created API token "${input.name}" (${row.prefix}…, scopes ${input.scopes.join(", ")}, expires ${isoDay(expiresAt)}${binding.length ? `; ${binding.join("; ")}` : ""})`,
      after: {
        scopes: input.scopes,
        expiresAt: expiresAt.toISOString(),
        source: input.source || null,
        evidences,
      },
    });
    return { id: row.id, token };
  });
}

/** A binding naming a control or criterion that does not exist is a typo: refuse it. */
async function assertKnownRefs(tx: Tx, refs: string[]) {
  if (!refs.length) return;
  const [controls, criteria] = await Promise.all([
    tx.control.findMany({ where: { ref: { in: refs } }, select: { ref: true } }),
    tx.criterion.findMany({ where: { id: { in: refs } }, select: { id: true } }),
  ]);
  const known = new Set([...controls.map((c) => c.ref), ...criteria.map((c) => c.id)]);
  const unknown = refs.filter((r) => !known.has(r));
  if (unknown.length)
    throw invalid(`Unknown control or criterion: ${unknown.join(", ")}.`, "evidences");
}

/**
 * Another administrator answers for the token from now on: a token whose owner was deactivated
 * or demoted works again, and one still working stays working if its owner leaves.
 */
export async function takeOverToken(actor: Actor | null, id: string): Promise<void> {
  authorize(actor, "tokens.manage");
  const owner = accountId(actor);
  await (
    await db()
  ).$transaction(async (tx) => {
    const t = await tx.apiToken.findUnique({
      where: { id },
      select: {
        name: true,
        prefix: true,
        revokedAt: true,
        ownerId: true,
        owner: { select: { email: true } },
      },
    });
    if (!t) throw notFound("That token no longer exists.");
    if (t.revokedAt) throw conflict("A revoked token cannot be taken over.");
    if (t.ownerId === owner) throw conflict("You answer for this token already.");
    await tx.apiToken.update({ where: { id }, data: { ownerId: owner } });
    await recordActivity(tx, actor, {
      action: "token.take_over",
      entityType: "api_token",
      entityId: id,
      summary: `Took over API token "${t.name}" (${t.prefix}…)${t.owner ? ` from ${t.owner.email}` : ""}`,
      before: { owner: t.owner?.email ?? null },
      after: { owner: actor.email },
    });
  });
}

/** Revokes a token; false when it does not exist or was already revoked. */
export async function revokeToken(actor: Actor | null, id: string): Promise<boolean> {
  authorize(actor, "tokens.manage");
  return (await db()).$transaction(async (tx) => {
    const t = await tx.apiToken.findUnique({ where: { id } });
    if (!t || t.revokedAt) return false;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordActivity(tx, actor, {
      action: "token.revoke",
      entityType: "api_token",
      entityId: id,
      summary: `Revoked API token "${t.name}" (${t.prefix}…)`,
    });
    return true;
  });
}

export async function listTokens(actor: Actor | null) {
  authorize(actor, "tokens.manage");
  return (await db()).apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      scopes: true,
      source: true,
      evidences: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      owner: { select: { email: true, active: true, role: true } },
      createdById: true,
    },
  });
}

export type TokenAuthentication =
  | { actor: TokenActor; who: ActivityActor }
  /** `who` names a known but unusable (revoked, expired) token, so its use is recorded. */
  | { actor: null; who: ActivityActor | null; error: AppError };

const unauthenticated = (who: ActivityActor | null, message: string): TokenAuthentication => ({
  actor: null,
  who,
  error: new AppError("unauthenticated", message),
});

/** Who an Authorization header speaks for; records the last use of a valid token. */
export async function authenticateToken(
  header: string | null,
  now = new Date(),
): Promise<TokenAuthentication> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1])
    return unauthenticated(null, "Missing token: send Authorization: Bearer <token>.");
  const prisma = await db();
  const t = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    include: { owner: { select: { email: true, active: true, role: true } } },
  });
  if (!t) return unauthenticated(null, "Unknown token.");
  const who = { id: t.ownerId ?? t.createdById, email: `token:${t.name}` };
  if (t.revokedAt) return unauthenticated(who, `This token was revoked on ${isoDay(t.revokedAt)}.`);
  if (t.expiresAt <= now)
    return unauthenticated(who, `This token expired on ${isoDay(t.expiresAt)}.`);
  const ownerGone = ownerProblem(t.owner);
  if (ownerGone)
    return unauthenticated(
      who,
      `This token stopped working: ${ownerGone}. Another administrator can take it over in Settings.`,
    );
  await prisma.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: now } });
  const scopes = t.scopes.filter((s): s is TokenScope =>
    (TOKEN_SCOPES as readonly string[]).includes(s),
  );
  return {
    actor: {
      kind: "token",
      tokenId: t.id,
      scopes,
      source: t.source,
      evidences: t.evidences,
      ...who,
    },
    who,
  };
}

/** Why the administrator answering for a token no longer can; null while they can. Tokens made
 * on the command line have no owner: the operator answers for them. */
export function ownerProblem(
  owner: { email: string; active: boolean; role: string } | null,
): string | null {
  if (!owner) return null;
  if (!owner.active) return `${owner.email}, who answers for it, was deactivated`;
  if (owner.role !== "admin")
    return `${owner.email}, who answers for it, is no longer an administrator`;
  return null;
}
