import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";
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
  // On every path, static files included; the per-request CSP and HSTS come from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: [...STATIC_SECURITY_HEADERS] }];
  },
  typedRoutes: false,
  experimental: {
    // Uploads go through server actions: the cap follows the largest file limit (50 MB results
    // and audit exports, 20 MB evidence), and each action checks its own limit again.
    serverActions: { bodySizeLimit: `${ACTION_BODY_LIMIT_MB}mb` },
    // The proxy (proxy.ts) runs on the API too, and Next.js then copies each request body for
    // it, silently cutting it at 10 MB by default: a 15 MB JSON Lines push arrived truncated.
    // The copy must hold the largest body the API accepts (it is refused with 413 above that).
    proxyClientMaxBodySize: `${ACTION_BODY_LIMIT_MB}mb`,
  },
};

export default config;
