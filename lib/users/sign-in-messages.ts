// What a refused sign-in tells the visitor, on the form and on the sign-in page a revoked
// session is sent to. Client-safe.
export const SIGN_IN_REFUSED = {
  expired: "Your auditor access has expired. Ask the compliance officer to extend it.",
  inactive: "This account has been deactivated.",
} as const;
