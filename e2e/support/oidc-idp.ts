// A real OpenID Connect provider (oidc-provider) on a local port, for the SSO test. Its
// development log-in form accepts any login: the login typed is the e-mail address it vouches for.
import type { Server } from "node:http";
import { Provider } from "oidc-provider";

export const OIDC_PORT = Number(process.env.E2E_PORT ?? 3100) + 1000;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_CLIENT_ID = "trustboard-e2e";
export const OIDC_CLIENT_SECRET = "e2e-client-secret-not-for-production";

export function startIdp(appBase: string): Promise<Server> {
  const provider = new Provider(OIDC_ISSUER, {
    clients: [
      {
        client_id: OIDC_CLIENT_ID,
        client_secret: OIDC_CLIENT_SECRET,
        redirect_uris: [`${appBase}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // next-auth reads the ID token's claims, so they are put there.
    conformIdTokenClaims: false,
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, email: sub, email_verified: true, name: `SSO ${sub.split("@")[0]}` }),
    }),
  });
  return new Promise((resolve) => {
    const server = provider.listen(OIDC_PORT, () => resolve(server));
  });
}
