import type { NextConfig } from "next";
import { API_POLICY, STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";
import { ACTION_BODY_LIMIT_MB } from "./lib/http/upload-limits";

const config: NextConfig = {
  // Loaded from node_modules at run time: WASM, native binaries and drivers don't bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "pg",
    "@prisma/adapter-pg",
    "libpg-query",
  ],
  poweredByHeader: false,
  // On every path, static files included; the per-request CSP and HSTS come from proxy.ts —
  // except on the token API, which the proxy skips: its CSP is set here (so Next.js's own 404
  // and 405 answers carry it too) and its HSTS by the route helper (tokenRoute).
  async headers() {
    return [
      { source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] },
      {
        source: "/api/v1/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_POLICY }],
      },
    ];
  },
  typedRoutes: false,
  experimental: {
    // Uploads go through server actions: the cap follows the largest file limit (50 MB results
    // and audit exports, 20 MB evidence), and each action checks its own limit again.
    serverActions: { bodySizeLimit: `${ACTION_BODY_LIMIT_MB}mb` },
    // Where the proxy (proxy.ts) runs, Next.js copies each request body for it, silently cutting
    // it at 10 MB by default. The token API is outside the proxy now, but uploads to server
    // actions and the session routes still pass through it: the copy must hold the largest body.
    proxyClientMaxBodySize: `${ACTION_BODY_LIMIT_MB}mb`,
  },
};

export default config;
