import "server-only";
// API tokens for machines (CI pushing test results, scanners pushing findings). Only a SHA-256
// of the token is stored; the token itself is shown once. Scopes map to capabilities in the one
// capability table (lib/auth/capabilities.ts).
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { recordActivity, type ActivityActor } from "@/lib/activity/record";
import type { Actor, TokenActor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/auth/capabilities";
import { AppError } from "@/lib/errors";
import { isoDay } from "@/lib/dates";

export { TOKEN_SCOPES, type TokenScope };

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createToken(
  actor: Actor | null,
  input: { name: string; scopes: TokenScope[]; expiresAt: Date | null },
): Promise<{ id: string; token: string }> {
  authorize(actor, "tokens.manage");
  const token = `tb_${randomBytes(24).toString("base64url")}`;
  return (await db()).$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 8),
        scopes: input.scopes,
        expiresAt: input.expiresAt,
        createdById: actor.id,
      },
    });
    await recordActivity(tx, actor, {
      action: "token.create",
      entityType: "api_token",
      entityId: row.id,
      summary: `Created API token "${input.name}" (${row.prefix}…, scopes ${input.scopes.join(", ")}${input.expiresAt ? `, expires ${isoDay(input.expiresAt)}` : ""})`,
    });
    return { id: row.id, token };
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
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
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
  const t = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(match[1]) } });
  if (!t) return unauthenticated(null, "Unknown token.");
  const who = { id: t.createdById, email: `token:${t.name}` };
  if (t.revokedAt) return unauthenticated(who, `This token was revoked on ${isoDay(t.revokedAt)}.`);
  if (t.expiresAt && t.expiresAt <= now)
    return unauthenticated(who, `This token expired on ${isoDay(t.expiresAt)}.`);
  await prisma.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: now } });
  const scopes = t.scopes.filter((s): s is TokenScope =>
    (TOKEN_SCOPES as readonly string[]).includes(s),
  );
  return { actor: { kind: "token", tokenId: t.id, scopes, ...who }, who };
}
