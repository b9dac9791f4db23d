import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { database, db } from "@/lib/db";
import { isoDay } from "@/lib/dates";
import { makeUser } from "@/lib/testing/fixtures";
import { encryptSecret } from "./crypto";
import { SOURCE_APPLICATION_NAME, pullSource, testSource } from "./pg-source";
import type { SourceConfig } from "./schemas";

// The source is always a real PostgreSQL (the application being audited); Trustboard's own
// database is whichever lane runs. Without TEST_DATABASE_URL there is no source to pull.
const url = process.env.TEST_DATABASE_URL;
const schema = `audit_src_${Date.now()}`;
const KEY = "integration-test-key-0123456789abcdef";

describe.skipIf(!url)("pulling audit events from a PostgreSQL table", () => {
  let src: Client;
  const config = (): SourceConfig => ({
    name: `app-${schema}`,
    url: url!,
    tableName: `${schema}.core_auditlog`,
    cursorColumn: "id",
    columns: {
      time: "created_at",
      action: "action",
      actor: "user_email",
      ip: "ip_address",
      outcome: undefined,
      organisation: undefined,
      target: undefined,
    },
  });

  /** The source as an admin saves it: `config()` with some fields changed. */
  const saveSource = async (over: Partial<SourceConfig> = {}) => {
    const c = { ...config(), ...over };
    return (await db()).auditSource.create({
      data: {
        name: c.name,
        connectionEnc: encryptSecret(c.url, KEY),
        tableName: c.tableName,
        columns: c.columns,
        cursorColumn: c.cursorColumn,
      },
    });
  };

  beforeAll(async () => {
    src = new Client({ connectionString: url });
    await src.connect();
    await src.query(
      `CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.core_auditlog (id bigserial primary key, created_at timestamptz not null, action text, user_email text, ip_address text)`,
    );
    await src.query(
      `INSERT INTO ${schema}.core_auditlog (created_at, action, user_email, ip_address)
       SELECT now() - (g || ' minutes')::interval, CASE WHEN g % 10 = 0 THEN 'login_failed' ELSE 'login' END, 'u' || (g % 7) || '@x.io', '10.0.0.' || (g % 250)
       FROM generate_series(1, 2500) g`,
    );
  });
  afterAll(async () => {
    await src.query(`DROP SCHEMA ${schema} CASCADE`);
    await src.end();
  });

  it("explains connection problems plainly, to admins only", async () => {
    const admin = await makeUser("admin");
    const engineer = await makeUser("engineer");
    expect(
      await testSource(admin, { ...config(), url: "postgresql://nobody:x@127.0.0.1:1/none" }),
    ).toEqual({ ok: false, error: expect.stringMatching(/unreachable/) });
    const wrongPassword = url!.replace(/:\/\/([^:]+):[^@]*@/, "://$1:wrong-password@");
    if (wrongPassword !== url)
      expect((await testSource(admin, { ...config(), url: wrongPassword })).ok).toBe(false);
    expect(await testSource(admin, { ...config(), tableName: `${schema}.nope` })).toEqual({
      ok: false,
      error: expect.stringMatching(/does not exist/),
    });
    expect(
      await testSource(admin, { ...config(), columns: { ...config().columns, actor: "who" } }),
    ).toEqual({ ok: false, error: `Column(s) missing in ${schema}.core_auditlog: who.` });
    expect(await testSource(admin, config())).toEqual({ ok: true, rows: 2500 });
    await expect(testSource(engineer, config())).rejects.toMatchObject({ code: "forbidden" });
  });

  it("pulls in batches by cursor, then only new rows; a failing batch stores nothing and a retry continues", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const { sql } = await database();
    const source = await saveSource();
    const first = await pullSource(admin, source.id, { key: KEY, batchSize: 1000 });
    expect(first).toMatchObject({ pulled: 2500, stored: 2500, batches: 3, cursor: "2500" });
    expect(
      await prisma.auditEvent.count({ where: { action: "login_failed" } }),
    ).toBeGreaterThanOrEqual(250);

    await src.query(
      `INSERT INTO ${schema}.core_auditlog (created_at, action, user_email) VALUES (now(), 'logout', 'a@x.io'), (now(), 'logout', 'b@x.io')`,
    );
    expect(await pullSource(admin, source.id, { key: KEY })).toMatchObject({
      pulled: 2,
      stored: 2,
      cursor: "2502",
    });

    // Rows 2503–2504 are fine, row 2505 has no action: that batch fails whole.
    await src.query(
      `INSERT INTO ${schema}.core_auditlog (created_at, action, user_email) VALUES (now(), 'logout', 'c@x.io'), (now(), 'logout', 'd@x.io'), (now(), NULL, 'e@x.io')`,
    );
    const before = await prisma.auditEvent.count();
    await expect(pullSource(admin, source.id, { key: KEY })).rejects.toThrow(
      /failed after 0 events .*retry continues from cursor 2502.*no action/,
    );
    expect(await prisma.auditEvent.count()).toBe(before);
    expect(
      (await prisma.auditSource.findUniqueOrThrow({ where: { id: source.id } })).cursorValue,
    ).toBe("2502");

    await src.query(`UPDATE ${schema}.core_auditlog SET action = 'logout' WHERE id = 2505`);
    expect(await pullSource(admin, source.id, { key: KEY })).toMatchObject({
      pulled: 3,
      stored: 3,
      cursor: "2505",
    });
    const log = await prisma.activity.findMany({
      where: { action: "audit_source.pull", entityId: source.id },
    });
    expect(log).toHaveLength(4);

    // Another instance moves the cursor while this pull is between reading and storing a batch.
    await src.query(
      `INSERT INTO ${schema}.core_auditlog (created_at, action, user_email) VALUES (now(), 'logout', 'f@x.io')`,
    );
    const racing = {
      transaction: async <T>(fn: Parameters<typeof sql.transaction<T>>[0]) => {
        await prisma.auditSource.update({
          where: { id: source.id },
          data: { cursorValue: "2506" },
        });
        return sql.transaction(fn);
      },
      close: sql.close,
    };
    const count = await prisma.auditEvent.count();
    await expect(pullSource(admin, source.id, { key: KEY, sql: racing })).rejects.toThrow(
      /another pull of this source moved its cursor/,
    );
    expect(await prisma.auditEvent.count()).toBe(count);

    // Another instance holds the lease: refused before reading anything; a lapsed lease is taken over.
    await prisma.auditSource.update({
      where: { id: source.id },
      data: { pullLeaseUntil: new Date(Date.now() + 60_000) },
    });
    await expect(pullSource(admin, source.id, { key: KEY })).rejects.toThrow(
      /is being pulled by another Trustboard instance; try again after \d{2}:\d{2}:\d{2} UTC/,
    );
    await prisma.auditSource.update({
      where: { id: source.id },
      data: { pullLeaseUntil: new Date(Date.now() - 1000) },
    });
    expect(await pullSource(admin, source.id, { key: KEY })).toMatchObject({ pulled: 0 });
    expect(
      (await prisma.auditSource.findUniqueOrThrow({ where: { id: source.id } })).pullLeaseUntil,
    ).toBeNull();
  });

  it("survives the source ending its connection mid-pull: the batch in flight stores nothing, the cursor stays", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const { sql } = await database();
    const c = config();
    const source = await saveSource({ name: `${c.name}-cut` });
    // Before the second batch, the source's server ends the pull's connection (a restart, a
    // failover, an administrator): with nobody listening, node-postgres would end the process.
    let batch = 0;
    const cut = {
      transaction: async <T>(fn: Parameters<typeof sql.transaction<T>>[0]) => {
        if (++batch === 2)
          await src.query(
            `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`,
            [SOURCE_APPLICATION_NAME],
          );
        return sql.transaction(fn);
      },
      close: sql.close,
    };
    await expect(
      pullSource(admin, source.id, { key: KEY, batchSize: 500, sql: cut }),
    ).rejects.toThrow();
    const stored = await prisma.auditSource.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored.cursorValue).toBe("500");
    expect(stored.pullLeaseUntil).toBeNull();
    const max = (
      await src.query<{ max: string }>(`SELECT max(id)::text AS max FROM ${schema}.core_auditlog`)
    ).rows[0]!.max;
    expect(await pullSource(admin, source.id, { key: KEY, batchSize: 500 })).toMatchObject({
      cursor: max,
    });
  });

  it("refuses a time outside the years Trustboard stores, naming the row", async () => {
    const admin = await makeUser("admin");
    const c = config();
    await src.query(
      `CREATE TABLE ${schema}.far_times (id bigserial primary key, created_at timestamptz not null, action text, user_email text, ip_address text)`,
    );
    await src.query(
      `INSERT INTO ${schema}.far_times (created_at, action) VALUES ('2026-03-01T10:00:00Z', 'login'), ('10000-01-01T00:00:00Z', 'login'), ('1960-01-01T00:00:00Z', 'login')`,
    );
    const source = await saveSource({
      name: `${c.name}-far`,
      tableName: `${schema}.far_times`,
      cursorColumn: "id",
    });
    await expect(pullSource(admin, source.id, { key: KEY, batchSize: 1 })).rejects.toThrow(
      /failed after 1 events .*far_times row 2: no valid time \(none, or outside the years 1970 to 9999\)/,
    );
    await src.query(
      `UPDATE ${schema}.far_times SET created_at = '2026-03-01T11:00:00Z' WHERE id = 2`,
    );
    await expect(pullSource(admin, source.id, { key: KEY, batchSize: 1 })).rejects.toThrow(
      /failed after 1 events .*far_times row 3: no valid time/,
    );
  });

  it("stores awkward text exactly, keeps daily counts, and keeps the batches before a write that fails", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const { sql } = await database();
    const c = config();
    const awkward = "tab\there\nnew line \\N back\\slash";
    await src.query(
      `CREATE TABLE ${schema}.awkward (id bigserial primary key, created_at timestamptz not null, action text, user_email text, ip_address text)`,
    );
    await src.query(
      `INSERT INTO ${schema}.awkward (created_at, action, user_email) VALUES ('2026-03-01T10:00:00Z', 'key_created', $1), ('2026-03-01T11:00:00Z', 'key_created', NULL), ('2026-03-02T10:00:00Z', 'key_created', 'x'), ('2026-03-02T09:00:00Z', 'key_created', 'y')`,
      [awkward],
    );
    const source = await saveSource({
      name: `${c.name}-awkward`,
      tableName: `${schema}.awkward`,
      cursorColumn: "id",
    });
    // The third transaction fails: batches one and two (one row each) stay, the cursor stops after them.
    let n = 0;
    const failing = {
      transaction: async <T>(fn: Parameters<typeof sql.transaction<T>>[0]) => {
        n += 1;
        if (n === 3) throw new Error("disk full");
        return sql.transaction(fn);
      },
      close: sql.close,
    };
    await expect(
      pullSource(admin, source.id, { key: KEY, sql: failing, batchSize: 1 }),
    ).rejects.toThrow(/failed after 2 events .*retry continues from cursor 2.*disk full/);
    const stored = await prisma.auditEvent.findMany({
      where: { action: "key_created" },
      orderBy: { occurredAt: "asc" },
    });
    expect(stored.map((e) => e.actor)).toEqual([awkward, null]);
    expect(await pullSource(admin, source.id, { key: KEY, batchSize: 1 })).toMatchObject({
      pulled: 2,
      stored: 2,
      cursor: "4",
    });
    const daily = await prisma.auditEventDaily.findMany({
      where: { action: "key_created" },
      orderBy: { day: "asc" },
    });
    // Each day's latest event, kept across batches: the last batch's earlier event lowers nothing.
    expect(daily.map((d) => [isoDay(d.day), d.count, d.lastAt?.toISOString()])).toEqual([
      ["2026-03-01", 2, "2026-03-01T11:00:00.000Z"],
      ["2026-03-02", 2, "2026-03-02T10:00:00.000Z"],
    ]);
  });
});
