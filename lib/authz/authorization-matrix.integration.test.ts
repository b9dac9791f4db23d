// The authorization matrix: every server action (every export of lib/actions/*-actions.ts) and
// every route handler (every HTTP method of app/api/**/route.ts) is called as each kind of actor,
// and the answer must be exactly what the capability table says. A refused call must change no
// row of any table, and must record the refusal in the activity log when the caller is known.
// The registry (matrix-registry.ts) gives each one its capability and a valid input; an export or
// a method without an entry fails here, so nothing new escapes the matrix. What exists is found
// by matrix-discovery.ts, who calls by matrix-actors.ts, how an outcome is judged by
// matrix-outcome.ts and what a call changed by matrix-table-state.ts.
//
// The session is next-auth's: `auth()` is mocked to return the chosen account's id, and the real
// resolveSession re-reads the account from the database, which is how an expired auditor or a
// deactivated account is really refused (resolveSession is wrapped in React's cache(), which
// outside a server render calls through every time, so each call re-reads). signIn/signOut are
// mocked to succeed (checking passwords is next-auth's and login.ts's, tested elsewhere); redirect()
// throws a recognisable signal, counted as success (the mocks are in matrix-mocks.ts, imported
// first so that they stand before any action or route loads). Token actors call route handlers
// with an Authorization: Bearer header; to a server action or a session route a token is no
// session. The methods that answer 405 are checked in method-not-allowed.integration.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { matrixMocks } from "./matrix-mocks";
import { createMatrixActors, ACTOR_NAMES, atSessionDoor, atTokenDoor } from "./matrix-actors";
import type { ActorName, Expectation, MatrixActor } from "./matrix-actors";
import { seedMatrixContext, type MatrixContext } from "./matrix-context";
import { actionModules, routeModules, type ActionFn, type Handler } from "./matrix-discovery";
import { broken, refused, show, succeeded, toForm, type Outcome } from "./matrix-outcome";
import { ACTIONS, type ActionEntry } from "./matrix-registry";
import {
  HTTP_METHODS,
  METHOD_NOT_ALLOWED,
  ROUTES,
  type HttpMethod,
  type RouteEntry,
} from "./matrix-routes";
import {
  activitySince,
  changedTables,
  lastSeq,
  watchTables,
  type TableWatch,
} from "./matrix-table-state";

// ---- The matrix. ----

describe("authorization matrix", () => {
  let ctx: MatrixContext;
  const actors = new Map<ActorName, MatrixActor>();
  let tables: TableWatch;

  beforeAll(async () => {
    const created = await createMatrixActors();
    for (const [name, actor] of created.actors) actors.set(name, actor);
    ctx = await seedMatrixContext(created.admin, process.env.TRUSTBOARD_RESULTS_ROOTS!);
    tables = await watchTables();
    expect(tables.tables).toBeGreaterThan(20);
  });

  const tableState = () => tables.state();

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
      matrixMocks.session = a.user ? { user: { id: a.user.id } } : null;
      const seq = await lastSeq();
      const before = e.allowed ? null : (known ?? (await tableState()));
      let outcome: Outcome;
      try {
        outcome = await call(a);
      } finally {
        matrixMocks.session = null;
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
                if (error instanceof matrixMocks.RedirectSignal)
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
