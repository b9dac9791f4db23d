// The security headers every response carries. Pages get a Content-Security-Policy with a fresh
// nonce per request (set by proxy.ts; Next.js reads it from the request and puts it on its own
// scripts); everything else gets a policy that allows nothing to run. The headers that do not
// depend on the request are set in next.config.ts for every path, static files included.

/** Same for every response, so next.config.ts can set them on all paths. */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // frame-ancestors in the CSP is the modern form; X-Frame-Options covers older browsers.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

/** A page's policy: only same-origin resources and scripts carrying this request's nonce. */
export function pagePolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React needs eval in development only, for its error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Charts and progress bars position elements with style attributes; attributes cannot run code.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only over HTTPS: on plain http://127.0.0.1 it would send the browser to https.
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Route handlers answer JSON, CSV and downloads: nothing in them may run or be framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** A nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** TRUSTBOARD_HSTS_SECONDS, one year when unset or not a whole number of seconds. */
export function hstsSeconds(raw = process.env.TRUSTBOARD_HSTS_SECONDS): number {
  const n = raw === undefined || raw.trim() === "" ? 31_536_000 : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : 31_536_000;
}

/** HSTS for one year by default; `seconds` 0 turns it off. Only ever sent over HTTPS. */
export function hstsValue(seconds: number): string | null {
  return seconds > 0 ? `max-age=${seconds}; includeSubDomains` : null;
}

/** Whether the request reached us over HTTPS (directly, or through a TLS-terminating proxy). */
export function servedOverHttps(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === "https:") return true;
  return (forwardedProto ?? "").split(",")[0]?.trim().toLowerCase() === "https";
}

/** Whether every %-escape of a path decodes (Next.js answers 500 for one that does not). */
export function pathDecodes(pathname: string): boolean {
  try {
    for (const seg of pathname.split("/")) decodeURIComponent(seg);
    return true;
  } catch {
    return false;
  }
}

/**
 * The token API (/api/v1/) is outside the proxy (so Next.js does not copy each pushed body for
 * it): its handlers set the per-request headers themselves. The fixed ones, and the API policy
 * for Next.js's own answers there (404, 405), come from next.config.ts.
 */
export function withApiSecurityHeaders(req: Request, res: Response): Response {
  const headers = new Headers(res.headers);
  headers.set("Content-Security-Policy", API_POLICY);
  const https = servedOverHttps(new URL(req.url), req.headers.get("x-forwarded-proto"));
  const hsts = https ? hstsValue(hstsSeconds()) : null;
  if (hsts) headers.set("Strict-Transport-Security", hsts);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}
