// Form schemas of the second-factor and sign-in-policy actions. Client-safe.
import { z } from "zod";

const code = z
  .string()
  .trim()
  .min(6, "Enter the 6-digit code or a recovery code")
  .max(64, "Too long");
const password = z.string().min(1, "Enter your password").max(1024, "Too long");
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

export const codeSchema = z.object({ code });
export const passwordAndCodeSchema = z.object({ password, code });
export const removePasskeySchema = z.object({
  passkeyId: z.uuid("Unknown passkey"),
  password,
  code,
});
export const registerPasskeySchema = z.object({
  name: z.string().trim().min(1, "Name the passkey").max(100, "At most 100 characters"),
  response: z.string().min(2, "The browser sent no passkey").max(20_000, "Too long"),
  state: z.string().min(1).max(2_000),
});
export const passkeySignInSchema = z.object({
  response: z.string().min(2).max(20_000),
  state: z.string().min(1).max(2_000),
});
export const rolePolicySchema = z.object({
  role: z.enum(["admin", "engineer", "auditor"], { message: "Choose a role" }),
  requireSecondFactor: checkbox,
  passwordSignIn: checkbox,
});
