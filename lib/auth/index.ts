// next-auth v5: credentials sign-in, JWT sessions with a bounded lifetime. The JWT only
// carries the user id; every request re-reads the account (see session.ts), so a
// deactivated user or an expired auditor loses access at once.
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { credentialsSchema } from "@/lib/users/schemas";
import { attemptLogin } from "./login";
import { clientAddress } from "./throttle";
import { acceptRenewal, claimedVersion } from "./session-version";
import { noteSignInDevice } from "./device-cookie";

export class LoginRefused extends CredentialsSignin {
  constructor(code: string) {
    super();
    this.code = code;
  }
}

export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth({
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
  ],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = user.sv ?? 0;
      }
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
      return session;
    },
  },
  logger: {
    // A wrong password is an expected outcome, recorded in the activity log; not an error.
    error(error) {
      const type = (error as { type?: string }).type;
      if (type === "CredentialsSignin") return;
      console.error(`[auth] ${error.name}: ${error.message}`);
    },
  },
});
