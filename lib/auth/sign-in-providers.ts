// The next-auth providers added by issue 11, kept beside the password provider in index.ts:
// the second step after a password (TOTP or recovery code), passkeys, and the configured
// OpenID Connect provider. Refusals are thrown as SignInRefused codes the forms translate.
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { OIDCConfig } from "next-auth/providers";
import { cookies } from "next/headers";
import { z } from "zod";
import { clientAddress } from "./throttle";
import { cookieFrom, seal, unseal } from "./sealed";
import { completeSecondFactor } from "./second-factor-sign-in";
import { signInWithPasskey } from "./passkey-sign-in";
import { relyingPartyFrom } from "./passkeys";
import { OIDC_PROVIDER_ID, oidcSettings } from "./oidc-config";
import { signInWithOidc } from "./oidc";

export class SignInRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

/** The sealed "password was right" cookie that makes the second step possible. */
export const PENDING_COOKIE = "tb-second-factor";
const PENDING_TTL_MS = 5 * 60_000;

const secure = (request: Request | undefined) =>
  request?.headers.get("x-forwarded-proto") === "https" || request?.url.startsWith("https:");

/** After a right password: remembers the account for five minutes (sealed, HTTP-only). */
export async function rememberPendingSignIn(userId: string, request?: Request): Promise<void> {
  (await cookies()).set(PENDING_COOKIE, seal("pending-sign-in", { userId }, PENDING_TTL_MS), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: !!secure(request),
    maxAge: PENDING_TTL_MS / 1000,
  });
}

export function pendingUserId(cookieHeader: string | null | undefined): string | null {
  return (
    unseal<{ userId: string }>("pending-sign-in", cookieFrom(cookieHeader, PENDING_COOKIE))
      ?.userId ?? null
  );
}

async function forgetPendingSignIn(): Promise<void> {
  (await cookies()).delete(PENDING_COOKIE);
}

function refusal(outcome: { code: string; until?: Date }): SignInRefused {
  return new SignInRefused(
    outcome.code === "locked" && outcome.until
      ? `locked:${outcome.until.toISOString()}`
      : outcome.code,
  );
}

const codeInput = z.object({ code: z.string().trim().min(1).max(64) });
const passkeyInput = z.object({
  response: z.string().min(2).max(20_000),
  state: z.string().min(1).max(2_000),
});

export const secondFactorProvider = Credentials({
  id: "second-factor",
  credentials: { code: {} },
  async authorize(raw, request) {
    const parsed = codeInput.safeParse(raw);
    const userId = pendingUserId(request?.headers.get("cookie"));
    if (!userId) throw new SignInRefused("pending_expired");
    if (!parsed.success) throw new SignInRefused("invalid_code");
    const outcome = await completeSecondFactor(
      userId,
      parsed.data.code,
      new Date(),
      clientAddress(request?.headers),
    );
    if (!outcome.ok)
      throw outcome.code === "invalid" ? new SignInRefused("invalid_code") : refusal(outcome);
    await forgetPendingSignIn();
    return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name };
  },
});

export const passkeyProvider = Credentials({
  id: "passkey",
  credentials: { response: {}, state: {} },
  async authorize(raw, request) {
    const parsed = passkeyInput.safeParse(raw);
    if (!parsed.success) throw new SignInRefused("passkey");
    const outcome = await signInWithPasskey(
      parsed.data,
      relyingPartyFrom(request?.headers),
      pendingUserId(request?.headers.get("cookie")),
    );
    if (!outcome.ok)
      throw outcome.code === "invalid" ? new SignInRefused("passkey") : refusal(outcome);
    await forgetPendingSignIn();
    return { id: outcome.user.id, email: outcome.user.email, name: outcome.user.name };
  },
});

/** The configured OpenID Connect provider, or none. Only its issuer is ever contacted. */
export function oidcProviders(): OIDCConfig<Record<string, unknown>>[] {
  const settings = oidcSettings();
  if (!settings) return [];
  return [
    {
      id: OIDC_PROVIDER_ID,
      name: settings.name,
      type: "oidc",
      issuer: settings.issuer,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      checks: ["pkce", "state", "nonce"],
    },
  ];
}

/**
 * next-auth's signIn callback for the OIDC provider: decides (and records) the sign-in, and
 * puts Trustboard's account id on the user next-auth will put in the session. A refusal sends
 * the visitor back to the sign-in page with a reason, never the provider's tokens.
 */
export async function decideOidcSignIn(
  user: { id?: string },
  profile: Record<string, unknown> | undefined,
): Promise<true | string> {
  const settings = oidcSettings();
  if (!settings || !profile || typeof profile.sub !== "string") return "/login?reason=sso_refused";
  const outcome = await signInWithOidc(
    {
      sub: profile.sub,
      email: typeof profile.email === "string" ? profile.email : null,
      emailVerified: typeof profile.email_verified === "boolean" ? profile.email_verified : null,
      name: typeof profile.name === "string" ? profile.name : null,
    },
    settings,
  );
  if (!outcome.ok)
    return `/login?reason=${outcome.reason === "expired" || outcome.reason === "inactive" ? outcome.reason : "sso_refused"}`;
  user.id = outcome.user.id;
  return true;
}
