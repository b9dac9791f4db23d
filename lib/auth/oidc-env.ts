// The single sign-on variables' schema, spread into lib/env.ts (kept apart from oidc-config.ts,
// which reads env(), so the two modules do not import each other).
import { z } from "zod";

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const list = optional.transform((v) =>
  (v ?? "")
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean),
);

/** Spread into lib/env.ts's schema, so a bad value stops the start like any other. */
export const OIDC_ENV_SHAPE = {
  TRUSTBOARD_OIDC_ISSUER: optional.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: "must be the issuer URL (https://…)",
  }),
  TRUSTBOARD_OIDC_CLIENT_ID: optional,
  TRUSTBOARD_OIDC_CLIENT_SECRET: optional,
  TRUSTBOARD_OIDC_NAME: optional,
  TRUSTBOARD_OIDC_ALLOWED_DOMAINS: list.refine(
    (domains) => domains.every((d) => /^[a-z0-9.-]+\.[a-z0-9-]+$/.test(d)),
    { message: "must be a comma-separated list of e-mail domains (example.com,example.org)" },
  ),
  // "engineer" or "auditor": the role of an account created at its first SSO sign-in; "none"
  // (default): only accounts that already exist may sign in. Never "admin".
  TRUSTBOARD_OIDC_NEW_USERS: optional
    .transform((v) => v ?? "none")
    .refine((v) => v === "none" || v === "engineer" || v === "auditor", {
      message: 'must be "none" (accounts must already exist), "engineer" or "auditor"',
    })
    .transform((v) => v as "none" | "engineer" | "auditor"),
  // Admins who keep password sign-in when it is turned off for admins (break-glass).
  TRUSTBOARD_SSO_BREAK_GLASS: list,
};

/** The three variables that must come together, checked on the whole environment. */
export function oidcIncomplete(e: Record<string, unknown>): boolean {
  const set = [
    "TRUSTBOARD_OIDC_ISSUER",
    "TRUSTBOARD_OIDC_CLIENT_ID",
    "TRUSTBOARD_OIDC_CLIENT_SECRET",
  ].filter((k) => e[k] !== undefined).length;
  return set !== 0 && set !== 3;
}
