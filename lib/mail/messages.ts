// The words of Trustboard's e-mails. Plain text: nothing to render, nothing to track.
import { lastAccessDay } from "@/lib/auth/access";
import type { Mail } from "./mailer";

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function invitationMail(input: {
  to: string;
  role: string;
  link: string;
  expiresAt: Date;
  accessExpiresAt: Date | null;
}): Mail {
  const access = input.accessExpiresAt
    ? `\nYour access runs through ${lastAccessDay(input.accessExpiresAt)} (UTC).\n`
    : "";
  return {
    to: input.to,
    subject: "Your Trustboard invitation",
    text: `You have been invited to Trustboard as ${input.role}.

Choose your password here (the link works once, until ${utc(input.expiresAt)}):
${input.link}
${access}
If you did not expect this, ignore this message.
`,
  };
}

export function resetMail(input: { to: string; link: string; expiresAt: Date }): Mail {
  return {
    to: input.to,
    subject: "Reset your Trustboard password",
    text: `An administrator issued a password reset for your Trustboard account.

Choose a new password here (the link works once, until ${utc(input.expiresAt)}):
${input.link}

Setting it signs you out everywhere. If you did not ask for this, tell your administrator.
`,
  };
}

export function newDeviceMail(input: {
  to: string;
  at: Date;
  address: string | null;
  browser: string | null;
}): Mail {
  return {
    to: input.to,
    subject: "New sign-in to your Trustboard account",
    text: `Your Trustboard account was signed in to from a browser it had not seen before.

When: ${utc(input.at)}
From: ${input.address ?? "an unknown address"}
Browser: ${input.browser ?? "unknown"}

If this was not you, change your password and use "Sign out everywhere" on your account page,
or ask your administrator to.
`,
  };
}
