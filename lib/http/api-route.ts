import "server-only";
// The two kinds of route handler: for a signed-in user (downloads and exports from the app) and
// for an API token (machines pushing evidence). Both turn errors into one JSON shape
// { error, code } with the status the code maps to, and record refusals.
import { mustEnrolFirst, resolveSession } from "@/lib/auth/session";
import { authorize } from "@/lib/auth/authorize";
import type { TokenActor } from "@/lib/auth/actor";
import type { Capability } from "@/lib/auth/capabilities";
import type { SessionUser } from "@/lib/auth/types";
import { authenticateToken } from "@/lib/collectors/tokens";
import type { ActivityActor } from "@/lib/activity/record";
import { AppError, HTTP_STATUS, UNEXPECTED_MESSAGE } from "@/lib/errors";
import { clientAddress } from "@/lib/auth/throttle";
import { settleError } from "./boundary";
import { assertSameOrigin } from "./same-origin";
import { withApiSecurityHeaders } from "./security-headers";

/** GET and HEAD only read: their refusals go to the server log, not the activity log (issue 10). */
const readOnly = (req: Request) => req.method === "GET" || req.method === "HEAD";

export function errorResponse(err: AppError | null): Response {
  if (!err) return Response.json({ error: UNEXPECTED_MESSAGE, code: "internal" }, { status: 500 });
  return Response.json(
    {
      error: err.message,
      code: err.code,
      ...(err.details.field ? { field: err.details.field } : {}),
    },
    { status: HTTP_STATUS[err.code] },
  );
}

type RouteContext<P> = { params: Promise<P> };

export function sessionRoute<P = Record<string, never>>(
  capability: Capability,
  handler: (req: Request, user: SessionUser, params: P) => Promise<Response>,
) {
  return async (req: Request, ctx: RouteContext<P>): Promise<Response> => {
    const session = await resolveSession();
    const who = session.user ?? ("who" in session ? session.who : null);
    try {
      // A session POST (a recorded download) must come from Trustboard's own page.
      if (!readOnly(req)) assertSameOrigin(req);
      authorize(session.user, capability);
      // Until a required second factor is enrolled, nothing else is served (issue 11).
      if (await mustEnrolFirst(session))
        throw new AppError("forbidden", "Your role requires a second factor: set one up first.");
      return await handler(req, session.user, await ctx.params);
    } catch (err) {
      return errorResponse(
        await settleError(err, who, `${req.method} ${new URL(req.url).pathname}`, {
          readOnly: readOnly(req),
        }),
      );
    }
  };
}

export function tokenRoute(
  capability: Capability,
  handler: (req: Request, actor: TokenActor) => Promise<Response>,
) {
  // The token API is outside the proxy (proxy.ts): the headers it would set are set here.
  return async (req: Request): Promise<Response> =>
    withApiSecurityHeaders(req, await tokenHandler(capability, handler, req));
}

async function tokenHandler(
  capability: Capability,
  handler: (req: Request, actor: TokenActor) => Promise<Response>,
  req: Request,
): Promise<Response> {
  let who: ActivityActor | null = null;
  try {
    const auth = await authenticateToken(req.headers.get("authorization"));
    // A presented but unknown token is recorded too (rate-limited), under the caller's address.
    const presented = /^Bearer\s+\S+$/i.test(req.headers.get("authorization") ?? "");
    who =
      auth.who ??
      (presented ? { id: null, email: `unknown token from ${clientAddress(req.headers)}` } : null);
    if (!auth.actor) throw auth.error;
    authorize(auth.actor, capability);
    return await handler(req, auth.actor);
  } catch (err) {
    return errorResponse(
      await settleError(err, who, `${req.method} ${new URL(req.url).pathname}`, {
        readOnly: readOnly(req),
      }),
    );
  }
}
