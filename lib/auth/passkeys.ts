// Passkeys (WebAuthn, @simplewebauthn/server): enrolment on the account page, and sign-in either
// as the second step after a password or on their own (passwordless, with user verification).
// The challenge travels sealed beside the options (see sealed.ts), is bound to its purpose and
// account, expires after five minutes, and is accepted once.
import "server-only";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { db } from "@/lib/db";
import { recordActivity } from "@/lib/activity/record";
import { invalid } from "@/lib/errors";
import type { User } from "@/lib/generated/prisma/client";
import type { Actor } from "./actor";
import { accountId } from "./actor";
import { authorize } from "./authorize";
import { seal, unseal } from "./sealed";
import { recoveryCodesIfNone } from "./second-factor";

const CHALLENGE_TTL_MS = 5 * 60_000;
export const RP_NAME = "Trustboard";

/** The site as the browser sees it: WebAuthn binds every credential to its host name. */
export interface RelyingParty {
  origin: string;
  rpID: string;
}

export function relyingPartyFrom(headers: Headers | null | undefined): RelyingParty {
  const host = headers?.get("x-forwarded-host") ?? headers?.get("host") ?? "localhost";
  const proto = headers?.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  const url = new URL(`${proto === "https" ? "https" : "http"}://${host}`);
  return { origin: url.origin, rpID: url.hostname };
}

// Challenges already answered (until they expire): a captured response cannot be replayed.
const usedChallenges = new Map<string, number>();
function takeChallenge(challenge: string): boolean {
  const now = Date.now();
  for (const [c, until] of usedChallenges) if (until < now) usedChallenges.delete(c);
  if (usedChallenges.has(challenge)) return false;
  usedChallenges.set(challenge, now + CHALLENGE_TTL_MS);
  return true;
}

const transportsOf = (t: string[]) => t as AuthenticatorTransportFuture[];

// ---- Enrolment (the signed-in user's own account). ----

export async function passkeyRegistrationOptions(
  actor: Actor | null,
  rp: RelyingParty,
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; state: string }> {
  authorize(actor, "account.security");
  const prisma = await db();
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: accountId(actor) },
    include: { passkeys: { select: { credentialId: true, transports: true } } },
  });
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: user.passkeys.map((p) => ({
      id: p.credentialId,
      transports: transportsOf(p.transports),
    })),
    // Discoverable, so the same passkey also signs in without a password.
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  const state = seal(
    "webauthn-register",
    { challenge: options.challenge, userId: user.id },
    CHALLENGE_TTL_MS,
  );
  return { options, state };
}

export async function registerPasskey(
  actor: Actor | null,
  input: { name: string; response: string; state: string },
  rp: RelyingParty,
): Promise<{ recoveryCodes: string[] | null }> {
  authorize(actor, "account.security");
  const userId = accountId(actor);
  const expected = unseal<{ challenge: string; userId: string }>("webauthn-register", input.state);
  if (!expected || expected.userId !== userId || !takeChallenge(expected.challenge))
    throw invalid("The passkey request has expired: start again.");
  let response: RegistrationResponseJSON;
  try {
    response = JSON.parse(input.response) as RegistrationResponseJSON;
  } catch {
    throw invalid("The browser's passkey answer could not be read.");
  }
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: expected.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw invalid("The passkey could not be verified.");
  const { credential } = verification.registrationInfo;
  const prisma = await db();
  return prisma.$transaction(async (tx) => {
    if (await tx.passkey.findUnique({ where: { credentialId: credential.id } }))
      throw invalid("This passkey is already registered.");
    await tx.passkey.create({
      data: {
        userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: BigInt(credential.counter),
        transports: credential.transports ?? [],
        name: input.name,
      },
    });
    const recoveryCodes = await recoveryCodesIfNone(tx, userId);
    await recordActivity(tx, actor, {
      action: "factor.enrol",
      entityType: "user",
      entityId: userId,
      summary: `${actor.email} added the passkey "${input.name}"${recoveryCodes ? " and received 10 recovery codes" : ""}`,
    });
    return { recoveryCodes };
  });
}

// ---- Sign-in (no actor yet: this is how one comes to be). ----

export async function passkeySignInOptions(
  rp: RelyingParty,
): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; state: string }> {
  // No allowCredentials: the browser offers the discoverable passkeys it holds for this site.
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: "preferred",
  });
  return {
    options,
    state: seal("webauthn-sign-in", { challenge: options.challenge }, CHALLENGE_TTL_MS),
  };
}

export type PasskeyCheck =
  | { ok: true; user: User; userVerified: boolean }
  | { ok: false; reason: "expired" | "unknown" | "unverified" };

/** Verifies a sign-in answer; the caller decides what it is enough for. */
export async function checkPasskeyAnswer(
  input: { response: string; state: string },
  rp: RelyingParty,
  now = new Date(),
): Promise<PasskeyCheck> {
  const expected = unseal<{ challenge: string }>("webauthn-sign-in", input.state);
  if (!expected || !takeChallenge(expected.challenge)) return { ok: false, reason: "expired" };
  let response: AuthenticationResponseJSON;
  try {
    response = JSON.parse(input.response) as AuthenticationResponseJSON;
  } catch {
    return { ok: false, reason: "unverified" };
  }
  const prisma = await db();
  const passkey = await prisma.passkey.findUnique({
    where: { credentialId: String(response.id ?? "") },
    include: { user: true },
  });
  if (!passkey) return { ok: false, reason: "unknown" };
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: expected.challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.rpID,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: Number(passkey.counter),
      transports: transportsOf(passkey.transports),
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) return { ok: false, reason: "unverified" };
  await prisma.passkey.update({
    where: { id: passkey.id },
    data: { counter: BigInt(verification.authenticationInfo.newCounter), lastUsedAt: now },
  });
  return {
    ok: true,
    user: passkey.user,
    userVerified: verification.authenticationInfo.userVerified,
  };
}
