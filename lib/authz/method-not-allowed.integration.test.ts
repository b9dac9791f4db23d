// The methods that answer 405 (a download route's GET, which must be asked with POST): every
// actor, signed in, anonymous or with a token, gets 405 with Allow: POST, and nothing is written,
// not even a refusal in the activity log. The routes are listed in matrix-routes.ts
// (METHOD_NOT_ALLOWED); authorization-matrix.integration.test.ts checks the list is complete.
import { beforeAll, describe, expect, it } from "vitest";
import { matrixMocks } from "./matrix-mocks";
import { ACTOR_NAMES, createMatrixActors, type ActorName, type MatrixActor } from "./matrix-actors";
import { routeModules, type Handler } from "./matrix-discovery";
import { METHOD_NOT_ALLOWED } from "./matrix-routes";
import {
  activitySince,
  changedTables,
  lastSeq,
  watchTables,
  type TableWatch,
} from "./matrix-table-state";

describe("authorization matrix: methods that answer 405", () => {
  const actors = new Map<ActorName, MatrixActor>();
  let tables: TableWatch;

  beforeAll(async () => {
    const created = await createMatrixActors();
    for (const [name, actor] of created.actors) actors.set(name, actor);
    tables = await watchTables();
    expect(tables.tables).toBeGreaterThan(20);
  });

  const tableState = () => tables.state();

  for (const [file, methods] of Object.entries(METHOD_NOT_ALLOWED))
    for (const method of methods)
      it(`${method} ${file} answers 405 with Allow: POST to everyone, writing nothing`, async () => {
        const handler = routeModules.get(file)?.[method] as Handler;
        for (const a of ACTOR_NAMES.map((n) => actors.get(n)!)) {
          matrixMocks.session = a.user ? { user: { id: a.user.id } } : null;
          const seq = await lastSeq();
          const before = await tableState();
          try {
            const headers = new Headers();
            if (a.token) headers.set("authorization", `Bearer ${a.token.secret}`);
            const res = await handler(new Request(`http://localhost/api/x`, { method, headers }), {
              params: Promise.resolve({}),
            });
            expect(res.status, a.name).toBe(405);
            expect(res.headers.get("allow"), a.name).toBe("POST");
            expect((await res.json()).error, a.name).toMatch(/downloaded with POST/);
          } finally {
            matrixMocks.session = null;
          }
          expect(await activitySince(seq), a.name).toEqual([]);
          expect(changedTables(before, await tableState()), a.name).toEqual([]);
        }
      });
});
