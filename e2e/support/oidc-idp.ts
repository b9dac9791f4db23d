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
  // Why the provider refused a request, in the test's output: it answers the client only an
  // error code ("invalid_grant"), the detail ("redirect_uri mismatch") is logged here.
  for (const event of ["server_error", "grant.error", "authorization.error"])
    provider.on(event, (ctx: unknown, err: Error) => {
      const detail = (err as { error_detail?: string }).error_detail ?? "";
      console.error(
        `[idp] ${event}: ${err.message} ${detail} (redirect_uri ${redirectUriOf(ctx)})`,
      );
    });
  return new Promise((resolve) => {
    const server = provider.listen(OIDC_PORT, () => resolve(server));
  });
}

const redirectUriOf = (ctx: unknown) =>
  String((ctx as { oidc?: { params?: { redirect_uri?: unknown } } }).oidc?.params?.redirect_uri);
