// The stand-ins every authorization-matrix test file loads first, before the actions and route
// handlers it calls: next-auth's session (auth() answers for the account in `hoisted.session`),
// signIn/signOut and redirect() throwing a recognisable RedirectSignal (counted as success), and
// Next.js's cache and navigation helpers, which do nothing outside a server render.
import { vi } from "vitest";

const hoisted = vi.hoisted(() => {
  // Read by env() on first use, which is after this point.
  process.env.TRUSTBOARD_RESULTS_ROOTS = `${process.env.TRUSTBOARD_DATA_DIR}/matrix-results`;
  /** What the mocked redirect() throws, as Next.js's does; a redirect is how an action succeeds. */
  class RedirectSignal extends Error {
    readonly digest: string;
    constructor(readonly url: string) {
      super(`NEXT_REDIRECT ${url}`);
      this.digest = `NEXT_REDIRECT;replace;${url};307;`;
    }
  }
  return { session: null as { user: { id: string } } | null, RedirectSignal };
});

vi.mock("@/lib/auth/index", () => ({
  // The session carries the account's current session version: ending sessions (tested in
  // lib/users/account.integration.test.ts) must not refuse the actor's later calls here.
  auth: async () => {
    if (!hoisted.session) return null;
    const { db } = await import("@/lib/db");
    const row = await (
      await db()
    ).user.findUnique({
      where: { id: hoisted.session.user.id },
      select: { sessionVersion: true },
    });
    return { user: { ...hoisted.session.user, sv: row?.sessionVersion ?? 0 } };
  },
  unstable_update: async () => null,
  signIn: async (_provider: string, opts?: { redirectTo?: string }) => {
    throw new hoisted.RedirectSignal(opts?.redirectTo ?? "/");
  },
  signOut: async (opts?: { redirectTo?: string }) => {
    throw new hoisted.RedirectSignal(opts?.redirectTo ?? "/login");
  },
  handlers: {
    GET: async () => new Response(null, { status: 404 }),
    POST: async () => new Response(null, { status: 404 }),
  },
  LoginRefused: class LoginRefused extends Error {},
}));
// next-auth itself does not load outside Next.js (it imports next/server); the actions only
// need its error classes.
vi.mock("next-auth", () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {}
  return { AuthError, CredentialsSignin, default: () => ({}) };
});
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  revalidateTag: () => {},
  updateTag: () => {},
  refresh: () => {},
  unstable_noStore: () => {},
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new hoisted.RedirectSignal(url);
  },
  permanentRedirect: (url: string) => {
    throw new hoisted.RedirectSignal(url);
  },
  notFound: () => {
    throw new Error("NEXT_HTTP_ERROR_FALLBACK;404");
  },
  RedirectType: { push: "push", replace: "replace" },
}));

/** The account auth() answers for (null: no session), and what the mocked redirect() throws. */
export const matrixMocks = hoisted;
