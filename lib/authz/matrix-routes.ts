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

/**
 * Keyed by the route file's path from the repository root, then by method.
 * app/api/auth/[...nextauth]/route.ts is not here: it is next-auth's own handler (sign-in,
 * callbacks, CSRF), which must answer anonymous visitors and authorizes nothing of Trustboard's.
 */
export const ROUTES: Record<string, Partial<Record<HttpMethod, RouteEntry>>> = {
  "app/api/audit/sample/route.ts": {
    GET: {
      capability: "audit.read",
      auth: "session",
      request: (ctx) => ({
        url: `/api/audit/sample?criterion=CC6.1&action=login&from=${ctx.day(-7)}&to=${ctx.day(0)}&n=2&seed=matrix`,
      }),
    },
  },
  "app/api/backlog/export/route.ts": {
    GET: {
      capability: "data.export",
      auth: "session",
      request: () => ({ url: "/api/backlog/export" }),
    },
  },
  "app/api/coverage/exceptions/route.ts": {
    GET: {
      capability: "data.export",
      auth: "session",
      request: () => ({ url: "/api/coverage/exceptions?frequency=weekly" }),
    },
  },
  "app/api/export/[table]/route.ts": {
    GET: {
      capability: "data.export",
      auth: "session",
      request: () => ({ url: "/api/export/controls", params: { table: "controls" } }),
    },
  },
  "app/api/evidence/[id]/revisions/[number]/route.ts": {
    GET: {
      capability: "evidence.read",
      auth: "session",
      request: (ctx) => ({
        url: `/api/evidence/${ctx.evidenceId}/revisions/1`,
        params: { id: ctx.evidenceId, number: "1" },
      }),
    },
  },
  "app/api/packages/[id]/route.ts": {
    GET: {
      capability: "package.download",
      auth: "session",
      request: (ctx) => ({ url: `/api/packages/${ctx.packageId}`, params: { id: ctx.packageId } }),
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
