// The authorization matrix's registry of route handlers: for every method of app/api/**/route.ts,
// who the door lets in, the capability it requires and a valid request built from the seeded
// records. Server actions are in matrix-registry.ts.
import type { Capability } from "@/lib/auth/capabilities";
import type { MatrixContext } from "./matrix-context";
import { auditLines, junit } from "./matrix-action-entry";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export const HTTP_METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export interface RouteRequest {
  /** Path and query, e.g. /api/export/controls. */
  url: string;
  /** The dynamic segments, as Next.js passes them. */
  params?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
}

export interface RouteEntry {
  capability: Capability;
  /** Who the door lets in: a signed-in session, or an API token (Authorization: Bearer). */
  auth: "session" | "token";
  request: (ctx: MatrixContext) => RouteRequest;
  business?: string;
}

/** Recorded downloads are same-origin POSTs from the app's pages (lib/http/same-origin.ts). */
const SAME_ORIGIN = { origin: "http://localhost" };

/**
 * Methods that answer 405 to everyone and touch nothing: the GET of each recorded download, kept
 * so an old link gets a clear answer (lib/http/post-only.ts). The matrix checks they do.
 */
export const METHOD_NOT_ALLOWED: Record<string, HttpMethod[]> = {
  "app/api/audit/sample/route.ts": ["GET"],
  "app/api/backlog/export/route.ts": ["GET"],
  "app/api/coverage/exceptions/route.ts": ["GET"],
  "app/api/export/[table]/route.ts": ["GET"],
  "app/api/evidence/[id]/revisions/[number]/route.ts": ["GET"],
  "app/api/packages/[id]/route.ts": ["GET"],
};

/**
 * Keyed by the route file's path from the repository root, then by method.
 * app/api/auth/[...nextauth]/route.ts is not here: it is next-auth's own handler (sign-in,
 * callbacks, CSRF), which must answer anonymous visitors and authorizes nothing of Trustboard's.
 */
export const ROUTES: Record<string, Partial<Record<HttpMethod, RouteEntry>>> = {
  "app/api/audit/sample/route.ts": {
    POST: {
      capability: "audit.read",
      auth: "session",
      request: (ctx) => ({
        url: `/api/audit/sample?criterion=CC6.1&action=login&from=${ctx.day(-7)}&to=${ctx.day(0)}&n=2&seed=matrix`,
        headers: SAME_ORIGIN,
      }),
    },
  },
  "app/api/backlog/export/route.ts": {
    POST: {
      capability: "data.export",
      auth: "session",
      request: () => ({ url: "/api/backlog/export", headers: SAME_ORIGIN }),
    },
  },
  "app/api/coverage/exceptions/route.ts": {
    POST: {
      capability: "data.export",
      auth: "session",
      request: () => ({ url: "/api/coverage/exceptions?frequency=weekly", headers: SAME_ORIGIN }),
    },
  },
  "app/api/export/[table]/route.ts": {
    POST: {
      capability: "data.export",
      auth: "session",
      request: () => ({
        url: "/api/export/controls",
        params: { table: "controls" },
        headers: SAME_ORIGIN,
      }),
    },
  },
  "app/api/evidence/[id]/revisions/[number]/route.ts": {
    POST: {
      capability: "evidence.read",
      auth: "session",
      request: (ctx) => ({
        url: `/api/evidence/${ctx.evidenceId}/revisions/1`,
        params: { id: ctx.evidenceId, number: "1" },
        headers: SAME_ORIGIN,
      }),
    },
  },
  "app/api/packages/[id]/route.ts": {
    POST: {
      capability: "package.download",
      auth: "session",
      request: (ctx) => ({
        url: `/api/packages/${ctx.packageId}`,
        params: { id: ctx.packageId },
        headers: SAME_ORIGIN,
      }),
    },
  },
  "app/api/packages/progress/route.ts": {
    GET: {
      capability: "package.create",
      auth: "session",
      request: () => ({ url: "/api/packages/progress" }),
    },
  },
  "app/api/v1/audit-events/route.ts": {
    POST: {
      capability: "audit.ingest",
      auth: "token",
      request: (ctx) => ({
        url: "/api/v1/audit-events",
        headers: { "content-type": "application/x-ndjson" },
        body: auditLines(ctx),
      }),
    },
  },
  "app/api/v1/findings/route.ts": {
    POST: {
      capability: "findings.ingest",
      auth: "token",
      request: (ctx) => ({
        url: "/api/v1/findings",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: ctx.unique("Matrix scanner finding"), priority: "P2" }),
      }),
    },
  },
  "app/api/v1/test-results/route.ts": {
    POST: {
      capability: "results.ingest",
      auth: "token",
      request: (ctx) => ({
        url: "/api/v1/test-results",
        headers: { "content-type": "application/xml" },
        body: junit(ctx),
      }),
    },
  },
};
