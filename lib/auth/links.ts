// Where a credential link points: TRUSTBOARD_PUBLIC_URL when set (what e-mails need behind a
// proxy), else the origin the administrator is using, else the address the server listens on.
import { env } from "@/lib/env";

export function publicBase(requestOrigin?: string | null): string {
  const e = env();
  if (e.TRUSTBOARD_PUBLIC_URL) return e.TRUSTBOARD_PUBLIC_URL.replace(/\/+$/, "");
  if (requestOrigin) return requestOrigin.replace(/\/+$/, "");
  const host = e.HOST === "0.0.0.0" || e.HOST === "::" ? "127.0.0.1" : e.HOST;
  return `http://${host.includes(":") ? `[${host}]` : host}:${e.PORT}`;
}

/** The page where an invitation or a reset link is used. */
export function credentialLink(token: string, requestOrigin?: string | null): string {
  return `${publicBase(requestOrigin)}/password/${token}`;
}
