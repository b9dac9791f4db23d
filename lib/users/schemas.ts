import { z } from "zod";
import { passwordProblem } from "@/lib/auth/password-policy";
import { parseIsoDay } from "@/lib/dates";

const roleSchema = z.enum(["admin", "engineer", "auditor"], {
  message: "Choose a role: admin, engineer or auditor",
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
  .refine((d) => parseIsoDay(d) !== null, "Not a real date");

const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address"));
/** A new password: the policy (length, not a common password) in lib/auth/password-policy.ts. */
export const passwordSchema = z.string().superRefine((pw, ctx) => {
  const problem = passwordProblem(pw);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

const optionalDay = z
  .string()
  .optional()
  .transform((v) => (v ? v.trim() : ""))
  .pipe(z.union([z.literal(""), day]))
  .transform((v) => (v === "" ? null : v));

// Auditors are time-boxed: an expiry date is required for them and meaningless for others.
function auditorNeedsExpiry(v: { role: string; expires: string | null }, ctx: z.RefinementCtx) {
  if (v.role === "auditor" && !v.expires)
    ctx.addIssue({
      code: "custom",
      path: ["expires"],
      message: "Auditors need an access expiry date",
    });
}

/** Adding a user: an invitation; the invitee chooses the password. */
const newUserFields = {
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name").max(200),
  role: roleSchema,
  expires: optionalDay,
};
export const newUserSchema = z.object(newUserFields).superRefine(auditorNeedsExpiry);

/** Adding a user with a password given (automation: the CLI reading standard input). */
export const newUserWithPasswordSchema = z
  .object({ ...newUserFields, password: passwordSchema })
  .superRefine(auditorNeedsExpiry);

export const updateUserSchema = z
  .object({
    id: z.uuid(),
    role: roleSchema,
    expires: optionalDay,
  })
  .superRefine(auditorNeedsExpiry);

export const setupSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, "Enter your name").max(200),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The passwords do not match",
  });

export const setActiveSchema = z.object({
  id: z.uuid(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

/** The sign-in form. */
export const loginSchema = z.object({
  email: z.string().trim().min(1, "Enter your email"),
  password: z.string().min(1, "Enter your password"),
});

/** What the credentials provider accepts: the sign-in form, bounded. */
export const credentialsSchema = z.object({
  email: loginSchema.shape.email.max(320),
  password: loginSchema.shape.password.max(1024),
});

/** An invitation or reset link being used: the token from the link and the chosen password. */
export const redeemLinkSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid."),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The passwords do not match",
  });

/** Changing one's own password: the current one proves it is the account's owner. */
export const changePasswordSchema = z
  .object({
    current: z.string().min(1, "Enter your current password").max(1024),
    password: passwordSchema,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, {
    path: ["confirm"],
    message: "The passwords do not match",
  })
  .refine((v) => v.password !== v.current, {
    path: ["password"],
    message: "Choose a password different from the current one",
  });

/** An administrator acting on one account (reset link, ending its sessions). */
export const userIdSchema = z.object({ id: z.uuid() });

/** Ending one's own sessions: nothing to fill in. */
export const emptySchema = z.object({});
