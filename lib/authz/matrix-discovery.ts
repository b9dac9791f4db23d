// What the authorization matrix must cover, found on disk rather than listed by hand: every
// export of lib/actions/*-actions.ts and every module of app/api/**/route.ts, imported. This is
// what makes the coverage test fail for an action or route nobody registered. Import it only
// from the test, after its mocks (next-auth, next/cache, next/navigation) are in place.
import { readdirSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

const actionFiles = readdirSync(path.join(ROOT, "lib/actions"))
  .filter((f) => f.endsWith("-actions.ts"))
  .sort();
export const actionModules = new Map<string, Record<string, unknown>>();
for (const f of actionFiles)
  actionModules.set(
    f,
    (await import(path.join(ROOT, "lib/actions", f))) as Record<string, unknown>,
  );

/** next-auth's own handler (sign-in form posts, callbacks, CSRF, session endpoint): it must answer
 * anonymous visitors and decides nothing of Trustboard's; the session it issues is what every
 * other door checks. */
const NEXT_AUTH_ROUTE = "app/api/auth/[...nextauth]/route.ts";

function routeFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? routeFiles(`${dir}/${e.name}`)
      : e.name === "route.ts"
        ? [`${dir}/${e.name}`]
        : [],
  );
}
export const routeModules = new Map<string, Record<string, unknown>>();
for (const f of routeFiles("app/api").sort())
  if (f !== NEXT_AUTH_ROUTE)
    routeModules.set(f, (await import(path.join(ROOT, f))) as Record<string, unknown>);

export type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
export type ActionFn = (...args: unknown[]) => Promise<unknown>;
