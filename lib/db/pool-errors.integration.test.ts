// A pooled connection that PostgreSQL ends while it sits idle (a restart, a failover,
// pg_terminate_backend, an idle timeout in a proxy) must not end the server: node-postgres's pool
// reports it as an 'error' event, which ends the process when nobody listens. The PostgreSQL lane
// only: PGlite has no connections to lose.
import { describe, expect, it } from "vitest";
import { database } from "@/lib/db";
import { TEST_LANE } from "@/lib/testing/integration-setup";

const pid = async () => {
  const { sql } = await database();
  const [row] = await sql.transaction((q) =>
    q.query<{ pid: number }>("SELECT pg_backend_pid() AS pid"),
  );
  return row!.pid;
};

describe.skipIf(TEST_LANE !== "postgresql")("the SQL pool (PostgreSQL)", () => {
  it("survives its idle connection being ended by the server, and connects again", async () => {
    const idle = await pid();
    const { prisma } = await database();
    // Another connection (Prisma's) ends the idle one, as an administrator or a restart would.
    const [ended] = await prisma.$queryRawUnsafe<{ ok: boolean }[]>(
      `SELECT pg_terminate_backend(${idle}) AS ok`,
    );
    expect(ended!.ok).toBe(true);
    // Give the pool time to hear of it (the socket closes with an error on the idle client).
    await new Promise((r) => setTimeout(r, 500));
    const next = await pid();
    expect(next).not.toBe(idle);
  });

  it("does not give a connection broken inside a transaction back to the pool", async () => {
    const { sql, prisma } = await database();
    let broken = 0;
    await expect(
      sql.transaction(async (q) => {
        broken = (await q.query<{ pid: number }>("SELECT pg_backend_pid() AS pid"))[0]!.pid;
        await prisma.$queryRawUnsafe(`SELECT pg_terminate_backend(${broken})`);
        await q.query("SELECT 1");
      }),
    ).rejects.toThrow();
    // Every later transaction gets a working connection, none the broken one.
    for (let i = 0; i < 6; i++) expect(await pid()).not.toBe(broken);
  });
});
