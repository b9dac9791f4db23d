// Downloads that are recorded in the activity log are POSTs from Trustboard's own pages (issue 10:
// a GET never writes to the log). A POST carrying the session cookie must come from one of those
// pages, not from a form on another site: browsers send `Origin` with every POST, and it must
// name the host the request was sent to (the proxy's forwarded host when there is one).
import { AppError } from "@/lib/errors";

function requestHost(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return (forwarded || req.headers.get("host") || new URL(req.url).host).toLowerCase();
}

/** Null when the request comes from this origin, else why it is refused. */
export function crossSiteRefusal(req: Request): string | null {
  const origin = req.headers.get("origin");
  if (!origin || origin === "null")
    return "This download must be requested from Trustboard's own page (the request carried no Origin header).";
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return "This download must be requested from Trustboard's own page (the Origin header is not a URL).";
  }
  if (host !== requestHost(req))
    return `This download must be requested from Trustboard's own page, not from ${origin}.`;
  return null;
}

export function assertSameOrigin(req: Request): void {
  const refusal = crossSiteRefusal(req);
  if (refusal) throw new AppError("forbidden", refusal);
}
