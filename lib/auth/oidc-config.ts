// Single sign-on through one generic OpenID Connect provider, configured by environment
// variables (validated with the rest in lib/env.ts). Only the issuer is ever contacted, so it
// works air-gapped against an internal identity provider.
import { env } from "@/lib/env";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  allowedDomains: string[];
  newUsers: "none" | "engineer" | "auditor";
}

export function oidcSettings(): OidcSettings | null {
  const e = env();
  if (!e.TRUSTBOARD_OIDC_ISSUER || !e.TRUSTBOARD_OIDC_CLIENT_ID || !e.TRUSTBOARD_OIDC_CLIENT_SECRET)
    return null;
  return {
    issuer: e.TRUSTBOARD_OIDC_ISSUER,
    clientId: e.TRUSTBOARD_OIDC_CLIENT_ID,
    clientSecret: e.TRUSTBOARD_OIDC_CLIENT_SECRET,
    name: e.TRUSTBOARD_OIDC_NAME ?? "single sign-on",
    allowedDomains: e.TRUSTBOARD_OIDC_ALLOWED_DOMAINS,
    newUsers: e.TRUSTBOARD_OIDC_NEW_USERS,
  };
}

export const oidcConfigured = (): boolean => oidcSettings() !== null;

export const breakGlassEmails = (): string[] => env().TRUSTBOARD_SSO_BREAK_GLASS;

/** The provider id next-auth routes by (/api/auth/callback/oidc). */
export const OIDC_PROVIDER_ID = "oidc";
