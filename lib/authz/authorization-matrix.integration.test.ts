// The authorization matrix: every server action (every export of lib/actions/*-actions.ts) and
// every route handler (every HTTP method of app/api/**/route.ts) is called as each kind of actor,
// and the answer must be exactly what the capability table says. A refused call must change no
// row of any table, and must record the refusal in the activity log when the caller is known.
// The registry (matrix-registry.ts) gives each one its capability and a valid input; an export or
// a method without an entry fails here, so nothing new escapes the matrix.
//
// The session is next-auth's: `auth()` is mocked to return the chosen account's id, and the real
// resolveSession re-reads the account from the database, which is how an expired auditor or a
// deactivated account is really refused (resolveSession is wrapped in React's cache(), which
// outside a server render calls through every time, so each call re-reads). signIn/signOut are
// mocked to succeed (checking passwords is next-auth's and login.ts's, tested elsewhere); redirect()
// throws a recognisable signal, counted as success. Token actors call route handlers with an
// Authorization: Bearer header; to a server action or a session route a token is no session.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { TokenActor, UserActor } from "@/lib/auth/actor";
import { allows } from "@/lib/auth/authorize";
import type { Capability } from "@/lib/auth/capabilities";
import { createToken, revokeToken } from "@/lib/collectors/tokens";
import { DAY_MS } from "@/lib/dates";
import { UNEXPECTED_MESSAGE } from "@/lib/errors";
import { makeUser } from "@/lib/testing/fixtures";
import { seedMatrixContext, type MatrixContext } from "./matrix-context";
import { ACTIONS, type ActionEntry, type FormFields } from "./matrix-registry";
import {
  HTTP_METHODS,
  METHOD_NOT_ALLOWED,
  ROUTES,
  type HttpMethod,
  type RouteEntry,
} from "./matrix-routes";

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

const ROOT = path.resolve(import.meta.dirname, "../..");

// ---- What exists: every action export and every route method, found on disk. ----

const actionFiles = readdirSync(path.join(ROOT, "lib/actions"))
  .filter((f) => f.endsWith("-actions.ts"))
  .sort();
const actionModules = new Map<string, Record<string, unknown>>();
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
const routeModules = new Map<string, Record<string, unknown>>();
for (const f of routeFiles("app/api").sort())
  if (f !== NEXT_AUTH_ROUTE)
    routeModules.set(f, (await import(path.join(ROOT, f))) as Record<string, unknown>);

type Handler = (
  req: Request,
  ctx: { params: Promise<Record<string, string>> },
) => Promise<Response>;
type ActionFn = (...args: unknown[]) => Promise<unknown>;

// ---- Who calls. ----

const ACTOR_NAMES = [
  "admin",
  "engineer",
  "auditor",
  "expired auditor",
  "deactivated user",
  "anonymous",
  "ingest token",
  "revoked token",
] as const;
type ActorName = (typeof ACTOR_NAMES)[number];

interface MatrixActor {
  name: ActorName;
  /** The signed-in account (what auth() returns), with what the database says of it. */
  user: (UserActor & { active: boolean }) | null;
  /** The token sent as Authorization: Bearer, and who the log names for it. */
  token: { secret: string; actor: TokenActor; revoked: boolean } | null;
}

interface Expectation {
  allowed: boolean;
  /** Who the activity log must name in one access.refuse row; null: no row at all. */
  recordedAs: { id: string | null; email: string } | null;
}

/** Server actions and session routes: only a session counts (a token is no session). */
function atSessionDoor(capability: Capability | "public", a: MatrixActor): Expectation {
  if (capability === "public") return { allowed: true, recordedAs: null };
  if (!a.user) return { allowed: false, recordedAs: null };
  const allowed = a.user.active && allows(a.user, capability);
  return { allowed, recordedAs: allowed ? null : { id: a.user.id, email: a.user.email } };
}

/** Token routes: only the Bearer token counts (a session is no token). */
function atTokenDoor(capability: Capability, a: MatrixActor): Expectation {
  if (!a.token) return { allowed: false, recordedAs: null };
  const allowed = !a.token.revoked && allows(a.token.actor, capability);
  const { id, email } = a.token.actor;
  return { allowed, recordedAs: allowed ? null : { id, email } };
}

// ---- What a call did. ----

type Outcome =
  | { kind: "redirect"; to: string }
  | { kind: "returned"; value: unknown }
  | { kind: "threw"; error: unknown }
  | { kind: "response"; status: number; body: string };

const REFUSAL_CODES = ["forbidden", "unauthenticated"];
const codeOf = (v: unknown) =>
  v && typeof v === "object" && "code" in v ? (v as { code: unknown }).code : undefined;

function refused(o: Outcome): boolean {
  if (o.kind === "response") return o.status === 401 || o.status === 403;
  if (o.kind === "returned") return REFUSAL_CODES.includes(codeOf(o.value) as string);
  if (o.kind === "threw") return REFUSAL_CODES.includes(codeOf(o.error) as string);
  return false;
}

/** A failure that is a bug, not a business rule: an exception, a 500, the generic message. */
function broken(o: Outcome): boolean {
  if (o.kind === "threw") return true;
  if (o.kind === "response") return o.status >= 500;
  if (o.kind === "returned" && o.value && typeof o.value === "object")
    return (o.value as { message?: unknown }).message === UNEXPECTED_MESSAGE;
  return false;
}

function succeeded(o: Outcome): boolean {
  if (o.kind === "redirect") return true;
  if (o.kind === "response") return o.status < 400;
  if (o.kind === "returned") {
    const v = o.value;
    if (!v || typeof v !== "object") return true;
    return (v as { ok?: unknown }).ok !== false && !("code" in v);
  }
  return false;
}

function show(o: Outcome): string {
  switch (o.kind) {
    case "redirect":
      return `redirect to ${o.to}`;
    case "response":
      return `HTTP ${o.status} ${o.body.slice(0, 300)}`;
    case "threw":
      return `threw ${o.error instanceof Error ? `${o.error.name}: ${o.error.message}` : String(o.error)}`;
    case "returned":
      return `returned ${JSON.stringify(o.value, (k, v) => (k === "values" ? undefined : v))?.slice(0, 300)}`;
  }
}

function toForm(fields: FormFields): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (Array.isArray(v)) for (const one of v) form.append(k, one);
    else form.append(k, v);
  }
  return form;
}

// ---- The matrix. ----

describe("authorization matrix", () => {
  let ctx: MatrixContext;
  const actors = new Map<ActorName, MatrixActor>();
  let snapshotSql = "";

  beforeAll(async () => {
    const prisma = await db();
    const userActor = async (
      role: "admin" | "engineer" | "auditor",
      opts: { expires?: Date } = {},
    ) => ({ ...(await makeUser(role, opts)), active: true });

    const admin = await userActor("admin");
    actors.set("admin", { name: "admin", user: admin, token: null });
    actors.set("engineer", { name: "engineer", user: await userActor("engineer"), token: null });
    actors.set("auditor", {
      name: "auditor",
      user: await userActor("auditor", { expires: new Date(Date.now() + 30 * DAY_MS) }),
      token: null,
    });
    actors.set("expired auditor", {
      name: "expired auditor",
      user: await userActor("auditor", { expires: new Date(Date.now() - DAY_MS) }),
      token: null,
    });
    // A deactivated administrator: had the role everything, must now be refused everything.
    const deactivated = await userActor("admin");
    await prisma.user.update({ where: { id: deactivated.id }, data: { active: false } });
    actors.set("deactivated user", {
      name: "deactivated user",
      user: { ...deactivated, active: false },
      token: null,
    });
    actors.set("anonymous", { name: "anonymous", user: null, token: null });

    const token = async (name: string, revoked: boolean) => {
      const t = await createToken(admin, {
        name,
        scopes: ["test-results", "audit-events", "findings"],
        expiresAt: null,
      });
      if (revoked) await revokeToken(admin, t.id);
      const actor: TokenActor = {
        kind: "token",
        id: admin.id,
        email: `token:${name}`,
        tokenId: t.id,
        scopes: ["test-results", "audit-events", "findings"],
        source: null,
        evidences: [],
      };
      return { secret: t.token, actor, revoked };
    };
    actors.set("ingest token", {
      name: "ingest token",
      user: null,
      token: await token(`matrix-ingest-${Date.now()}`, false),
    });
    actors.set("revoked token", {
      name: "revoked token",
      user: null,
      token: await token(`matrix-revoked-${Date.now()}`, true),
    });

    ctx = await seedMatrixContext(admin, process.env.TRUSTBOARD_RESULTS_ROOTS!);

    // One query for the state of every table but the activity log: row count and a digest of
    // every row's contents (so an update is seen, not only an insert or a delete).
    const tables = await prisma.$queryRaw<{ t: string }[]>`
      SELECT table_name::text AS t FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'activity'
      ORDER BY 1`;
    expect(tables.length).toBeGreaterThan(20);
    snapshotSql = tables
      .map(
        ({ t }) =>
          `SELECT '${t.replaceAll("'", "''")}' AS t, count(*)::int AS n, coalesce(md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))), '') AS h FROM "${t.replaceAll('"', '""')}" x`,
      )
      .join(" UNION ALL ");
  });

  async function tableState(): Promise<Map<string, string>> {
    const rows = await (
      await db()
    ).$queryRawUnsafe<{ t: string; n: number; h: string }[]>(snapshotSql);
    return new Map(rows.map((r) => [r.t, `${r.n} rows ${r.h}`]));
  }

  async function lastSeq(): Promise<string> {
    const [row] = await (
      await db()
    ).$queryRaw<{ s: string }[]>`SELECT coalesce(max(seq), 0)::text AS s FROM activity`;
    return row!.s;
  }

  async function activitySince(seq: string) {
    return (await db()).$queryRaw<
      { action: string; actorId: string | null; actorEmail: string }[]
    >`SELECT action, actor_id::text AS "actorId", actor_email AS "actorEmail"
      FROM activity WHERE seq > ${seq}::bigint ORDER BY seq`;
  }

  function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
    return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
  }

  /** Refused callers first (the records are untouched then), then the allowed ones in order. */
  function ordered(expectFor: (a: MatrixActor) => Expectation) {
    const all = ACTOR_NAMES.map((n) => actors.get(n)!).map((a) => ({ a, e: expectFor(a) }));
    return [...all.filter((x) => !x.e.allowed), ...all.filter((x) => x.e.allowed)];
  }

  /** Calls as each actor and returns every difference from the table, in words. */
  async function runMatrix(
    label: string,
    expectFor: (a: MatrixActor) => Expectation,
    business: string | undefined,
    call: (a: MatrixActor) => Promise<Outcome>,
  ): Promise<string[]> {
    const problems: string[] = [];
    let first = true;
    // The state after a refused call is the state before the next one (refused calls come first).
    let known: Map<string, string> | null = null;
    for (const { a, e } of ordered(expectFor)) {
      hoisted.session = a.user ? { user: { id: a.user.id } } : null;
      const seq = await lastSeq();
      const before = e.allowed ? null : (known ?? (await tableState()));
      let outcome: Outcome;
      try {
        outcome = await call(a);
      } finally {
        hoisted.session = null;
      }
      const logged = await activitySince(seq);
      const where = `${label} as ${a.name}`;
      if (!e.allowed) {
        if (!refused(outcome)) problems.push(`${where}: expected refused, got ${show(outcome)}`);
        known = await tableState();
        const changed = changedTables(before!, known);
        if (changed.length) problems.push(`${where}: refused, but changed ${changed.join(", ")}`);
        const want = e.recordedAs
          ? [{ action: "access.refuse", actorId: e.recordedAs.id, actorEmail: e.recordedAs.email }]
          : [];
        if (JSON.stringify(logged) !== JSON.stringify(want))
          problems.push(
            `${where}: refused; activity expected ${JSON.stringify(want)}, got ${JSON.stringify(logged)}`,
          );
        continue;
      }
      known = null;
      if (refused(outcome)) problems.push(`${where}: expected allowed, got ${show(outcome)}`);
      else if (broken(outcome)) problems.push(`${where}: allowed, but broke: ${show(outcome)}`);
      else if (first && !business && !succeeded(outcome))
        problems.push(`${where}: allowed, but the first allowed call failed: ${show(outcome)}`);
      else if (first && business && succeeded(outcome))
        problems.push(`${where}: expected to fail on a business rule (${business}), but succeeded`);
      if (logged.some((r) => r.action === "access.refuse"))
        problems.push(`${where}: allowed, but a refusal was recorded`);
      first = false;
    }
    return problems;
  }

  describe("coverage", () => {
    it("every export of lib/actions/*-actions.ts has a registry entry, and every entry an export", () => {
      const exported = [...actionModules].flatMap(([f, m]) =>
        Object.entries(m)
          .filter(([, v]) => typeof v === "function")
          .map(([name]) => `${f} ${name}`),
      );
      const registered = Object.entries(ACTIONS).flatMap(([f, entries]) =>
        Object.keys(entries).map((name) => `${f} ${name}`),
      );
      expect(exported.length).toBeGreaterThan(30);
      expect(
        exported.filter((x) => !registered.includes(x)),
        "exports without an entry",
      ).toEqual([]);
      expect(
        registered.filter((x) => !exported.includes(x)),
        "entries without an export",
      ).toEqual([]);
    });

    it("every method of app/api/**/route.ts has a registry entry, and every entry a handler", () => {
      const exported = [...routeModules].flatMap(([f, m]) =>
        HTTP_METHODS.filter((method) => typeof m[method] === "function").map((x) => `${f} ${x}`),
      );
      const registered = [
        ...Object.entries(ROUTES).flatMap(([f, methods]) =>
          Object.keys(methods).map((x) => `${f} ${x}`),
        ),
        ...Object.entries(METHOD_NOT_ALLOWED).flatMap(([f, methods]) =>
          methods.map((x) => `${f} ${x}`),
        ),
      ];
      expect(exported.length).toBeGreaterThan(5);
      expect(
        exported.filter((x) => !registered.includes(x)),
        "methods without an entry",
      ).toEqual([]);
      expect(
        registered.filter((x) => !exported.includes(x)),
        "entries without a handler",
      ).toEqual([]);
    });
  });

  describe("server actions", () => {
    for (const [file, mod] of actionModules) {
      for (const [name, fn] of Object.entries(mod)) {
        const entry: ActionEntry | undefined = ACTIONS[file]?.[name];
        if (typeof fn !== "function" || !entry) continue;
        it(`${name} (${entry.capability})`, async () => {
          const problems = await runMatrix(
            name,
            (a) => atSessionDoor(entry.capability, a),
            entry.business,
            async () => {
              const args = entry.args ? entry.args(ctx) : [{}, toForm(entry.form?.(ctx) ?? {})];
              try {
                return { kind: "returned", value: await (fn as ActionFn)(...args) };
              } catch (error) {
                if (error instanceof hoisted.RedirectSignal)
                  return { kind: "redirect", to: error.url };
                return { kind: "threw", error };
              }
            },
          );
          expect(problems).toEqual([]);
        });
      }
    }
  });

  describe("methods that answer 405", () => {
    for (const [file, methods] of Object.entries(METHOD_NOT_ALLOWED))
      for (const method of methods)
        it(`${method} ${file} answers 405 with Allow: POST to everyone, writing nothing`, async () => {
          const handler = routeModules.get(file)?.[method] as Handler;
          for (const a of ACTOR_NAMES.map((n) => actors.get(n)!)) {
            hoisted.session = a.user ? { user: { id: a.user.id } } : null;
            const seq = await lastSeq();
            const before = await tableState();
            try {
              const headers = new Headers();
              if (a.token) headers.set("authorization", `Bearer ${a.token.secret}`);
              const res = await handler(
                new Request(`http://localhost/api/x`, { method, headers }),
                {
                  params: Promise.resolve({}),
                },
              );
              expect(res.status, a.name).toBe(405);
              expect(res.headers.get("allow"), a.name).toBe("POST");
              expect((await res.json()).error, a.name).toMatch(/downloaded with POST/);
            } finally {
              hoisted.session = null;
            }
            expect(await activitySince(seq), a.name).toEqual([]);
            expect(changedTables(before, await tableState()), a.name).toEqual([]);
          }
        });
  });

  describe("route handlers", () => {
    for (const [file, mod] of routeModules) {
      for (const method of HTTP_METHODS) {
        const handler = mod[method];
        const entry: RouteEntry | undefined = ROUTES[file]?.[method as HttpMethod];
        if (typeof handler !== "function" || !entry) continue;
        it(`${method} ${file} (${entry.auth}, ${entry.capability})`, async () => {
          const problems = await runMatrix(
            `${method} ${file}`,
            (a) => {
              const e =
                entry.auth === "token"
                  ? atTokenDoor(entry.capability, a)
                  : atSessionDoor(entry.capability, a);
              // A GET never writes to the activity log, not even a refusal (issue 10).
              return method === "GET" ? { ...e, recordedAs: null } : e;
            },
            entry.business,
            async (a) => {
              const r = entry.request(ctx);
              const headers = new Headers(r.headers);
              if (a.token) headers.set("authorization", `Bearer ${a.token.secret}`);
              const req = new Request(`http://localhost${r.url}`, {
                method,
                headers,
                body: r.body,
              });
              try {
                const res = await (handler as Handler)(req, {
                  params: Promise.resolve(r.params ?? {}),
                });
                return { kind: "response", status: res.status, body: await res.text() };
              } catch (error) {
                return { kind: "threw", error };
              }
            },
          );
          expect(problems).toEqual([]);
        });
      }
    }
  });
});
