// Password sign-in can be turned off per role once single sign-on is configured; the
// break-glass admins (TRUSTBOARD_SSO_BREAK_GLASS) keep it, so an identity-provider outage
// never locks everyone out.
import type { Role } from "@/lib/generated/prisma/enums";
import { breakGlassEmails, oidcConfigured } from "./oidc-config";
import { policyForRole } from "./role-policy";

export async function passwordSignInAllowed(user: { email: string; role: Role }): Promise<boolean> {
  if (!oidcConfigured()) return true;
  if (user.role === "admin" && breakGlassEmails().includes(user.email.toLowerCase())) return true;
  return (await policyForRole(user.role)).passwordSignIn;
}
