import "server-only";
// Sends one of Trustboard's e-mails and records the outcome in the activity log (never the
// message's link or text): "mail.sent", or "mail.failed" with the failure's code.
import { db } from "@/lib/db";
import { recordActivity, type ActivityActor } from "@/lib/activity/record";
import { sendMail, type Mail, type MailResult } from "./mailer";

export async function deliver(
  actor: ActivityActor,
  what: { kind: string; userId: string },
  mail: Mail,
): Promise<MailResult> {
  const result = await sendMail(mail);
  if (result.status === "off") return result;
  await (
    await db()
  ).$transaction((tx) =>
    recordActivity(tx, actor, {
      action: result.status === "sent" ? "mail.sent" : "mail.failed",
      entityType: "user",
      entityId: what.userId,
      summary:
        result.status === "sent"
          ? `E-mailed the ${what.kind} to ${mail.to}`
          : `Could not e-mail the ${what.kind} to ${mail.to} (${result.code}); the link was shown instead`,
    }),
  );
  return result;
}
