// Runs before each integration test file. TEST_LANE picks the database: "pglite" (a fresh
// embedded data directory per file) or "postgresql" (TEST_DATABASE_URL, schema reset per file).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll } from "vitest";

const lane = process.env.TEST_LANE ?? "pglite";

if (lane === "postgresql") {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_LANE=postgresql needs TEST_DATABASE_URL");
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", ""].includes(host))
    throw new Error(`Refusing to run tests against a non-local database (${host})`);
  process.env.DATABASE_URL = url;
} else {
  delete process.env.DATABASE_URL;
}
const dataDir = mkdtempSync(path.join(os.tmpdir(), "trustboard-it-"));
process.env.TRUSTBOARD_DATA_DIR = dataDir;
delete process.env.TRUSTBOARD_ADMIN_EMAIL;
delete process.env.TRUSTBOARD_ADMIN_PASSWORD;

beforeAll(async () => {
  if (lane === "postgresql") {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    await client.end();
    // The server never migrates PostgreSQL by itself (db:deploy does); tests deploy first.
    const { openDatabase } = await import("@/lib/db/open");
    const d = await openDatabase({
      url: process.env.DATABASE_URL,
      dataDir: process.env.TRUSTBOARD_DATA_DIR!,
      migrate: true,
    });
    await d.close();
  }
});

afterAll(async () => {
  const holder = globalThis as typeof globalThis & {
    __trustboardDb?: Promise<{ close(): Promise<void> }>;
  };
  if (holder.__trustboardDb) await (await holder.__trustboardDb).close();
  holder.__trustboardDb = undefined;
  // About 94 MB of PGlite data per file: kept, two PGlite lanes of a full run left 10 GB in the
  // temporary directory, and repeated runs filled the disk.
  rmSync(dataDir, { recursive: true, force: true });
});

export const TEST_LANE = lane;
