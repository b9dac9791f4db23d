// The API-token forms of the settings page.
import { z } from "zod";
import { endOfIsoDay } from "@/lib/dates";

export const newTokenSchema = z.object({
  name: z.string().trim().min(1, "Name the token").max(100),
  /** "Expires after" a day: valid through the end of that UTC day; blank means no expiry. */
  expires: z
    .union([z.literal(""), z.iso.date()])
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const end = endOfIsoDay(v);
      if (!end) ctx.addIssue({ code: "custom", message: "Not a date (YYYY-MM-DD)" });
      return end;
    }),
});

export const revokeTokenSchema = z.object({ id: z.uuid() });
