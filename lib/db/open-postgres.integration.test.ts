import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_LANE } from "@/lib/testing/integration-setup";
import { scratchPostgres } from "@/lib/testing/scratch-postgres";
import { openDatabase } from "./open";

// The connection that applies the migrations is lost in the middle of one (a restarted server,
// an administrator ending the session): opening fails with an error, and the process lives on.
describe.runIf(TEST_LANE === "postgresql")("opening PostgreSQL", () => {
  const scratch = scratchPostgres(process.env.TEST_DATABASE_URL ?? "", {
    database: "tb_open",
    role: "tb_open_app",
    password: "open-test",
  });
  let dir = "";
  afterAll(async () => {
    await scratch.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reports a connection lost while migrating, without ending the process", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "tb-open-"));
    await scratch.create("SELECT 1");
    const migration = path.join(dir, "migrations", "20990101000000_lost_connection");
    mkdirSync(migration, { recursive: true });
    writeFileSync(
      path.join(migration, "migration.sql"),
      "CREATE TABLE before_loss (id int);\nSELECT pg_terminate_backend(pg_backend_pid());\n",
    );
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on("uncaughtException", onUncaught);
    try {
      await expect(
        openDatabase({
          url: scratch.adminUrl(),
          dataDir: dir,
          migrate: true,
          migrationsDir: path.join(dir, "migrations"),
        }),
      ).rejects.toThrow();
      // The 'error' event comes on its own turn of the event loop.
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      process.off("uncaughtException", onUncaught);
    }
    expect(uncaught).toEqual([]);
  });
});
