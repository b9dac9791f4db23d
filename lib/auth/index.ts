// next-auth v5: credentials sign-in, JWT sessions with a bounded lifetime. The JWT only
// carries the user id; every request re-reads the account (see session.ts), so a
// deactivated user or an expired auditor loses access at once.
import NextAuth, { CredentialsSignin, type Session } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { credentialsSchema } from "@/lib/users/schemas";
import { attemptLogin } from "./login";
import { clientAddress } from "./throttle";
import { acceptRenewal, claimedVersion } from "./session-version";
import { noteSignInDevice } from "./device-cookie";
import {
  decideOidcSignIn,
  oidcProviders,
  passkeyProvider,
  rememberPendingSignIn,
  secondFactorProvider,
} from "./sign-in-providers";
import { OIDC_PROVIDER_ID } from "./oidc-config";
import { db } from "@/lib/db";
import { headersWithCurrentCookies } from "./current-cookies";

export class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

const nextAuth = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: env().TRUSTBOARD_SESSION_HOURS * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new LoginRefused("invalid");
        const address = clientAddress(request?.headers);
        const outcome = await attemptLogin(
          parsed.data.email,
          parsed.data.password,
          new Date(),
          address,
        );
        // The password was right; the second factor comes next (see sign-in-providers.ts).
        if (!outcome.ok && outcome.code === "second_factor") {
          await rememberPendingSignIn(outcome.userId, request);
          throw new LoginRefused("second_factor");
        }
        if (!outcome.ok)
          throw new LoginRefused(
            outcome.code === "locked" && outcome.until
              ? `locked:${outcome.until.toISOString()}`
              : outcome.code,
          );
        await noteSignInDevice(outcome.user, request?.headers, address);
        return {
          id: outcome.user.id,
          email: outcome.user.email,
          name: outcome.user.name,
          sv: outcome.sessionVersion,
        };
      },
    }),
    secondFactorProvider,
    passkeyProvider,
    ...oidcProviders(),
  ],
  callbacks: {
    async signIn({ user, account, profile }) {
      if (account?.provider !== OIDC_PROVIDER_ID) return true;
      return decideOidcSignIn(user, profile);
    },
    async jwt({ token, user, account, trigger, session }) {
      if (user?.id) {
        token.uid = user.id;
        // The password provider passes the version it checked; the other providers (second
        // factor, passkey, single sign-on) read the account's current one.
        token.sv =
          user.sv ??
          (
            await (
              await db()
            ).user.findUnique({ where: { id: user.id }, select: { sessionVersion: true } })
          )?.sessionVersion ??
          0;
      }
      // Single sign-on sessions: the identity provider's own second factor applies.
      if (account) token.sso = account.provider === OIDC_PROVIDER_ID;
      // A password change keeps its own session: only a proof made by this server moves it.
      if (trigger === "update" && typeof token.uid === "string") {
        const renewed = acceptRenewal(token.uid, (session as { renewal?: unknown })?.renewal);
        if (renewed !== null) token.sv = renewed;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      session.user.sv = claimedVersion(token.sv);
      (session as { sso?: boolean }).sso = token.sso === true;
      return session;
    },
  },
  logger: {
    // A wrong password is an expected outcome, recorded in the activity log; not an error.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
      // next-auth wraps what actually went wrong (a provider's refusal, a thrown callback) in
      // the cause; without it a failed callback cannot be diagnosed from the server log.
      const cause = (error as { cause?: { err?: unknown } }).cause?.err ?? error.cause;
      if (cause instanceof Error) {
        console.error(`[auth] caused by: ${cause.stack ?? cause.message}`);
        // oauth4webapi's ResponseBodyError: what the identity provider answered (no tokens).
        const { error: code, error_description: description } = cause as {
          error?: unknown;
          error_description?: unknown;
        };
        if (code !== undefined)
          console.error(`[auth] provider said: ${String(code)} ${String(description ?? "")}`);
      } else if (cause !== undefined) console.error("[auth] caused by:", cause);
    },
  },
});

export const { handlers, signIn, signOut, unstable_update } = nextAuth;

// next-auth's auth(request, response), the form for API routes: it reads the session from the
// headers it is given. Cookies it would roll go to the throw-away response, as they do from
// auth() in a server component.
type SessionFromHeaders = (
  request: { headers: Headers },
  response: { headers: Headers },
) => Promise<Session | null>;

/**
 * The session as this response leaves it. next-auth's auth() without arguments reads the
 * request's Cookie header, which a server action's unstable_update does not change: after a
 * password change renews this session, the page rendered into the same response would still see
 * the old session version and treat the session as revoked (sending the user to the sign-in page
 * instead of showing "Password changed").
 */
export async function auth(): Promise<Session | null> {
  const read = nextAuth.auth as unknown as SessionFromHeaders;
  return read({ headers: await headersWithCurrentCookies() }, { headers: new Headers() });
}
