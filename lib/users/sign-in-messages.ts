// What a refused sign-in tells the visitor, on the form and on the sign-in page a revoked
// session is sent to. Client-safe.
export const SIGN_IN_REFUSED = {
  expired: "Your auditor access has expired. Ask the compliance officer to extend it.",
  inactive: "This account has been deactivated.",
  revoked:
    "You were signed out: the sessions of this account were ended (sign out everywhere, or a password change or reset). Sign in again.",
  "signed-out-everywhere": "You were signed out everywhere. Sign in again to continue.",
  "password-set": "Your password is set. Sign in with it.",
} as const;
