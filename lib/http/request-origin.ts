import "server-only";
// The origin the current request came to (for links shown to the person who made it), from the
// Host header and the proxy's X-Forwarded-Proto. Only used when TRUSTBOARD_PUBLIC_URL is unset.
import { headers } from "next/headers";

export async function requestOrigin(): Promise<string | null> {
  try {
    const h = await headers();
    const host = h.get("x-forwarded-host") ?? h.get("host");
    if (!host || !/^[A-Za-z0-9.:[\]-]{1,300}$/.test(host)) return null;
    const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
    return `${proto}://${host}`;
  } catch {
    return null; // outside a request (tests, CLI)
  }
}
