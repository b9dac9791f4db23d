// What the sign-in forms say for the refusals issue 11 added (second step, passkeys, SSO).
import { AppError } from "@/lib/errors";

export const SSO_NOTICES = {
  sso_refused:
    "Single sign-on was refused: your e-mail domain or account is not allowed here. Ask the compliance officer.",
  pending_expired: "Your sign-in took too long: enter your email and password again.",
} as const;

export function factorRefusal(code: string | undefined): AppError | null {
  switch (code) {
    case "invalid_code":
      return new AppError("unauthenticated", "That code is not right, or was already used.", {
        field: "code",
      });
    case "pending_expired":
      return new AppError("unauthenticated", SSO_NOTICES.pending_expired);
    case "passkey":
      return new AppError("unauthenticated", "That passkey could not sign you in.");
    case "sso_only":
      return new AppError(
        "forbidden",
        "Your role signs in with single sign-on: use the single sign-on button.",
      );
    default:
      return null;
  }
}
