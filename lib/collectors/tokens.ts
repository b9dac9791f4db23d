// API tokens for machines (CI pushing test results). Only a SHA-256 of the token is stored;
// the token itself is shown once. Scopes limit what a token may do: "ingest" is the only one.
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordActivity, type Actor } from "@/lib/activity/record";

export const TOKEN_SCOPES = ["ingest"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function createToken(
  prisma: PrismaClient,
  actor: Actor,
  input: { name: string; scopes: TokenScope[]; expiresAt: Date | null },
): Promise<{ id: string; token: string }> {
  const token = `tb_${randomBytes(24).toString("base64url")}`;
  return prisma.$transaction(async (tx) => {
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
      summary: `Created API token "${input.name}" (${row.prefix}…, scopes ${input.scopes.join(", ")}${input.expiresAt ? `, expires ${input.expiresAt.toISOString().slice(0, 10)}` : ""})`,
    });
    return { id: row.id, token };
  });
}

export async function revokeToken(
  prisma: PrismaClient,
  actor: Actor,
  id: string,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
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

export type TokenCheck =
  { ok: true; actor: Actor; tokenName: string } | { ok: false; status: 401 | 403; error: string };

/** Checks an Authorization header; records the last use of a valid token. */
export async function authenticateToken(
  prisma: PrismaClient,
  header: string | null,
  scope: TokenScope,
  now = new Date(),
): Promise<TokenCheck> {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  if (!match)
    return { ok: false, status: 401, error: "Missing token: send Authorization: Bearer <token>." };
  const t = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(match[1]) } });
  if (!t) return { ok: false, status: 401, error: "Unknown token." };
  if (t.revokedAt)
    return {
      ok: false,
      status: 401,
      error: `This token was revoked on ${t.revokedAt.toISOString().slice(0, 10)}.`,
    };
  if (t.expiresAt && t.expiresAt <= now)
    return {
      ok: false,
      status: 401,
      error: `This token expired on ${t.expiresAt.toISOString().slice(0, 10)}.`,
    };
  if (!t.scopes.includes(scope))
    return { ok: false, status: 403, error: `This token lacks the "${scope}" scope.` };
  await prisma.apiToken.update({ where: { id: t.id }, data: { lastUsedAt: now } });
  return { ok: true, actor: { id: t.createdById, email: `token:${t.name}` }, tokenName: t.name };
}

export async function listTokens(prisma: PrismaClient) {
  return prisma.apiToken.findMany({
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
