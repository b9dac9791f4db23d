import "server-only";
// Optional e-mail through SMTP_URL (nodemailer). Without it nothing is sent and callers show the
// link instead; with it a failure never breaks the caller: it returns the failure's code, which
// the caller records. Errors are reduced to codes (ECONNREFUSED, EAUTH, a reply code) so no
// address with credentials and no link ever reaches a log.
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

export interface MailSettings {
  url: string;
  from: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export type MailResult =
  { status: "sent" } | { status: "off" } | { status: "failed"; code: string };

let override: MailSettings | null | undefined;

/** Tests point the mailer at their own SMTP server (or at none) without touching the environment. */
export function setMailSettingsForTests(settings: MailSettings | null | undefined): void {
  override = settings;
}

export function mailSettings(): MailSettings | null {
  if (override !== undefined) return override;
  const e = env();
  if (!e.SMTP_URL) return null;
  return { url: e.SMTP_URL, from: e.SMTP_FROM ?? "trustboard@localhost" };
}

export function mailEnabled(): boolean {
  return mailSettings() !== null;
}

function failureCode(err: unknown): string {
  const e = err as { code?: unknown; responseCode?: unknown };
  const code = typeof e.code === "string" && /^[A-Z_]{2,40}$/.test(e.code) ? e.code : "ERROR";
  return typeof e.responseCode === "number" ? `${code} ${e.responseCode}` : code;
}

export async function sendMail(mail: Mail): Promise<MailResult> {
  const settings = mailSettings();
  if (!settings) return { status: "off" };
  try {
    const transport = nodemailer.createTransport(settings.url, {
      // An unreachable server must not hold a request for long: the link is shown either way.
      connectionTimeout: 5_000,
      greetingTimeout: 5_000,
      socketTimeout: 10_000,
    });
    await transport.sendMail({ from: settings.from, ...mail });
    transport.close();
    return { status: "sent" };
  } catch (err) {
    return { status: "failed", code: failureCode(err) };
  }
}
