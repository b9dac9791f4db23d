// Prisma's schema engine as WebAssembly (@prisma/schema-engine-wasm), driven against a
// throw-away in-memory PGlite. This is what lets migrations be generated and checked with
// no native engine and no network (air-gapped installs). Used by scripts/prisma.mjs.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { createRequire } from "node:module";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
export const schemaPath = path.join(root, "prisma", "schema.prisma");
export const migrationsDir = path.join(root, "prisma", "migrations");
const defaultMigrationsDir = migrationsDir;
const noFilters = { externalTables: [], externalEnums: [] };

// pglite-prisma-adapter 0.7.2 does not await exec() in executeScript, so a failing migration
// would be reported as a success; this makes the failure reach the engine.
/**
 * @param {import("@prisma/driver-adapter-utils").SqlDriverAdapter} adapter
 * @returns {import("@prisma/driver-adapter-utils").SqlDriverAdapter}
 */
function awaitingScripts(adapter) {
  // The adapter is pglite-prisma-adapter's, which keeps its PGlite as `client`.
  const client = /** @type {{ client: { exec(sql: string): Promise<unknown> } }} */ (
    /** @type {unknown} */ (adapter)
  ).client;
  adapter.executeScript = async (/** @type {string} */ script) => {
    await client.exec(script);
  };
  return adapter;
}

/** @typedef {import("@prisma/driver-adapter-utils").SqlMigrationAwareDriverAdapterFactory} MigrationAwareFactory */

/** @implements {MigrationAwareFactory} */
class MemoryPGliteFactory {
  /** @type {"postgres"} */
  provider = "postgres";
  adapterName = "pglite-memory";
  #inner;
  constructor(main = new PGlite()) {
    this.#inner = new PrismaPGlite(main);
  }
  async connect() {
    return awaitingScripts(await this.#inner.connect());
  }
  async connectToShadowDb() {
    const { PrismaPGlite: Factory } = await import("pglite-prisma-adapter");
    return awaitingScripts(await new Factory(new PGlite()).connect());
  }
}

export function readSchema(file = schemaPath) {
  return { files: [{ path: file, content: readFileSync(file, "utf8") }] };
}

export function readMigrationsList(migrationsDir = defaultMigrationsDir) {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir)
        .filter((d) => statSync(path.join(migrationsDir, d)).isDirectory())
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => {
      const file = path.join(migrationsDir, d, "migration.sql");
      return {
        path: d,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok", value: readFileSync(file, "utf8") }
            : { tag: "error", value: `missing ${file}` },
        },
      };
    }),
  };
}

// The package is built for bundlers (it imports the .wasm file); Node needs it instantiated by hand.
let ready;
function loadWasm() {
  ready ??= (async () => {
    const wasmFile = createRequire(import.meta.url)
      .resolve("@prisma/schema-engine-wasm/schema_engine_bg")
      .replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), {
      "./schema_engine_bg.js": wasmBindings,
    });
    wasmBindings.__wbg_set_wasm(instance.exports);
    /** @type {{ __wbindgen_start(): void }} */ (
      /** @type {unknown} */ (instance.exports)
    ).__wbindgen_start();
    return wasmBindings.SchemaEngine;
  })();
  return ready;
}

/**
 * `main`: the PGlite the engine works on (a fresh in-memory one unless given).
 * @param {{ main?: PGlite; schemaFile?: string }} [options]
 */
export async function openEngine({ main, schemaFile } = {}) {
  const SchemaEngine = await loadWasm();
  const schema = readSchema(schemaFile);
  const logs = [];
  const engine = await SchemaEngine.new(
    { datamodels: schema.files.map((f) => [f.path, f.content]) },
    (/** @type {string} */ line) => logs.push(line),
    bindMigrationAwareSqlAdapterFactory(new MemoryPGliteFactory(main)),
  );
  return engine;
}

/**
 * What Prisma's own engine says about the migration history booked in `main`.
 * @param {PGlite} main
 */
export async function diagnoseHistory(main) {
  const engine = await openEngine({ main });
  return engine.diagnoseMigrationHistory({
    migrationsList: readMigrationsList(),
    optInToShadowDatabase: false,
    filters: noFilters,
  });
}

/** SQL that turns the database built by the migrations into the one schema.prisma describes. */
export async function pendingSchemaChange({
  schemaFile = schemaPath,
  migrations = defaultMigrationsDir,
} = {}) {
  const engine = await openEngine({ schemaFile });
  const result = await engine.diff({
    from: { tag: "migrations", ...readMigrationsList(migrations) },
    to: { tag: "schemaDatamodel", ...readSchema(schemaFile) },
    script: true,
    exitCode: true,
    filters: noFilters,
  });
  const sql = (result.stdout ?? "").trim();
  return sql === "" || sql.startsWith("-- This is an empty migration") ? "" : sql;
}

/**
 * Asks the engine for the next migration script (empty string when nothing changed).
 * @param {string} name
 */
export async function createMigrationScript(name) {
  const engine = await openEngine();
  const migrationsList = readMigrationsList();
  await engine.applyMigrations({ migrationsList, filters: noFilters });
  // createMigration reaches the shadow database only after this call has set it up.
  await engine.diagnoseMigrationHistory({
    migrationsList,
    optInToShadowDatabase: true,
    filters: noFilters,
  });
  const out = await engine.createMigration({
    draft: true,
    migrationName: name,
    migrationsList,
    schema: readSchema(),
    filters: noFilters,
  });
  return out.migrationScript ?? "";
}
