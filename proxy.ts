// Runs before every request (Next.js 16 "proxy", formerly middleware): refuses paths that do
// not decode, and sets the per-request security headers (the page CSP with its nonce, HSTS over
// HTTPS). The fixed security headers come from next.config.ts. Not on /api/v1/ (see config).
import { NextResponse, type NextRequest } from "next/server";
import {
  API_POLICY,
  hstsSeconds,
  hstsValue,
  newNonce,
  pagePolicy,
  pathDecodes,
  servedOverHttps,
} from "@/lib/http/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const url = request.nextUrl;
  if (!pathDecodes(url.pathname))
    return new NextResponse("Bad request: the path is not valid percent-encoding.", {
      status: 400,
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Security-Policy": API_POLICY,
      },
    });
  const https = servedOverHttps(url, request.headers.get("x-forwarded-proto"));
  let response: NextResponse;
  if (url.pathname.startsWith("/api/")) {
    response = NextResponse.next();
    response.headers.set("Content-Security-Policy", API_POLICY);
  } else {
    const policy = pagePolicy(newNonce(), { dev: process.env.NODE_ENV === "development", https });
    // Next.js reads the nonce from the request's CSP header and puts it on its scripts.
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers } });
    response.headers.set("Content-Security-Policy", policy);
  }
  const hsts = https ? hstsValue(hstsSeconds()) : null;
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  // Static build files carry no markup; their fixed headers come from next.config.ts. The token
  // API (/api/v1/) is skipped: for a path the proxy runs on, Next.js copies the whole request
  // body in memory, which doubled the server's memory per audit-event push. Its handlers
  // (tokenRoute) set the per-request headers themselves.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/v1/).*)"],
};
