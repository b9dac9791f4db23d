// The cookies of this request as its response will leave them. Inside a server action, Next.js
// applies cookies().set/delete to what cookies() returns afterwards (the page rendered into the
// action's response included), but never to the Cookie header that headers() returns.
import { cookies, headers } from "next/headers";

/** A Cookie header for these cookies; a deleted one (empty value) is left out. */
export function cookieHeader(list: readonly { name: string; value: string }[]): string {
  return list
    .filter((c) => c.value !== "")
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
}

/** The request's headers, with its Cookie header replaced by the cookies as they are now. */
export async function headersWithCurrentCookies(): Promise<Headers> {
  const out = new Headers(await headers());
  const current = cookieHeader((await cookies()).getAll());
  if (current) out.set("cookie", current);
  else out.delete("cookie");
  return out;
}
