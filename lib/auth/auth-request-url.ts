// next-auth builds the OpenID Connect redirect_uri twice: when a server action starts the
// sign-in (from the Host / X-Forwarded-* headers, @auth/core's createActionURL) and when the
// provider calls back (from the route handler's request URL). The two can differ: Next.js's
// NextRequest rewrites a loopback host (127.0.0.1, [::1]) to "localhost" in its URL, and behind a
// proxy the listening address is not the public one. The provider then refuses the code
// ("redirect_uri mismatch"). So the auth route hands next-auth its request under the origin the
// sign-in used. AUTH_URL, when set, decides both (next-auth), and is left to do so.
import type { NextRequest } from "next/server";

/** The origin next-auth's server-side signIn derives from these headers, or null. */
export function headerOrigin(headers: Headers, fallbackProtocol: string): string | null {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return null;
  const proto = (headers.get("x-forwarded-proto") ?? fallbackProtocol).replace(/:$/, "");
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * A plain Request (a NextRequest would normalise the host back to "localhost") at the headers'
 * origin; next-auth reads only the standard Request API.
 */
export function withHeaderOrigin(request: NextRequest): NextRequest {
  if (process.env.AUTH_URL || process.env.NEXTAUTH_URL) return request;
  const { pathname, search, protocol } = request.nextUrl;
  const wanted = headerOrigin(request.headers, protocol);
  if (!wanted) return request;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const plain = new Request(`${wanted}${pathname}${search}`, {
    method: request.method,
    headers: request.headers,
    body: hasBody ? request.body : null,
    // Node's fetch requires this for a streamed body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
  // next-auth's handler type asks for a NextRequest; it uses only what Request has.
  return plain as NextRequest;
}
