import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { parseIsoDay } from "@/lib/dates";

const roleSchema = z.enum(["admin", "engineer", "auditor"], {
  message: "Choose a role: admin, engineer or auditor",
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
  .refine((d) => parseIsoDay(d) !== null, "Not a real date");

const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address"));
const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(1024, "Too long");

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

export const newUserSchema = z
  .object({
    email: emailSchema,
    name: z.string().trim().min(1, "Enter a name").max(200),
    role: roleSchema,
    password: passwordSchema,
    expires: optionalDay,
  })
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
