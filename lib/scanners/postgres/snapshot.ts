// Reads what the posture checks need from the system catalogs in a fixed, small number of
// queries (not one per table), so a database with hundreds of tables scans in a second or two.
// Read-only; works on PostgreSQL 13+ and on PGlite.

export type Query = <T>(sql: string, params?: unknown[]) => Promise<T[]>;

export interface TableInfo {
  oid: string;
  schema: string;
  name: string;
  rls: boolean;
  forced: boolean;
  owner: string;
  /** The scanning (application) role is, or is a member of, the owner. */
  ownedByApp: boolean;
  /** What the scanning role may do: UPDATE, DELETE, TRUNCATE. */
  appMayModify: boolean;
  columns: { name: string; notNull: boolean }[];
  /** Each index's column names in order ("" for an expression). */
  indexes: string[][];
  foreignKeys: { name: string; columns: string[]; refOid: string }[];
  policies: {
    name: string;
    /** r = SELECT, a = INSERT, w = UPDATE, d = DELETE, * = ALL */
    cmd: string;
    permissive: boolean;
    qual: string | null;
    withCheck: string | null;
  }[];
  triggers: { name: string; type: number; enabled: boolean }[];
}

export interface Snapshot {
  database: string;
  serverVersion: string;
  role: { name: string; superuser: boolean; bypassRls: boolean };
  settings: Record<string, string>;
  md5Roles: string[] | null;
  publicSchemaCreate: boolean;
  tables: TableInfo[];
  functions: { schema: string; name: string; args: string; config: string[] | null }[];
  views: { schema: string; name: string; securityInvoker: boolean; reads: string[] }[];
}

const USER_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;
const NOT_EXTENSION = (cls: string, col: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '${cls}'::regclass AND e.objid = ${col} AND e.deptype = 'e')`;
const TABLES = `SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND ${USER_SCHEMA} AND ${NOT_EXTENSION("pg_class", "c.oid")}`;
const SETTINGS = [
  "ssl",
  "password_encryption",
  "log_connections",
  "log_disconnections",
  "shared_preload_libraries",
];

type Row = Record<string, unknown>;
const byOid = <T extends Row>(rows: T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = String(r.oid);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
};
const asBool = (v: unknown) => v === true || v === "t";
// node-postgres returns name[] as a string like {a,b} unless the type parser knows it; text[] is parsed.
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export async function readSnapshot(q: Query): Promise<Snapshot> {
  const [head] = await q<Row>(
    `SELECT current_database() AS db, current_user AS role, version() AS version,
       r.rolsuper AS superuser, r.rolbypassrls AS bypass,
       EXISTS (SELECT 1 FROM pg_namespace n, aclexplode(COALESCE(n.nspacl, acldefault('n', n.nspowner))) a
               WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE') AS public_create
     FROM pg_roles r WHERE r.rolname = current_user`,
  );
  if (!head) throw new Error("The connected role is not visible in pg_roles.");
  const settings = Object.fromEntries(
    (
      await q<{ name: string; setting: string }>(
        `SELECT name, setting FROM pg_settings WHERE name = ANY($1::text[])`,
        [SETTINGS],
      )
    ).map((s) => [s.name, s.setting]),
  );
  // Stored password hashes are only readable by a superuser; otherwise only the setting counts.
  const md5Roles = asBool(head.superuser)
    ? (
        await q<{ rolname: string }>(
          `SELECT rolname FROM pg_authid WHERE rolpassword LIKE 'md5%' ORDER BY rolname`,
        )
      ).map((r) => r.rolname)
    : null;
  const tables = await q<Row>(
    `SELECT c.oid::int8::text AS oid, n.nspname AS schema, c.relname AS name, c.relrowsecurity AS rls,
       c.relforcerowsecurity AS forced, pg_get_userbyid(c.relowner) AS owner,
       pg_has_role(current_user, c.relowner, 'USAGE') AS owned_by_app,
       has_table_privilege(c.oid, 'UPDATE') OR has_table_privilege(c.oid, 'DELETE')
         OR has_table_privilege(c.oid, 'TRUNCATE') AS may_modify
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid IN (${TABLES}) ORDER BY n.nspname, c.relname`,
  );
  const columns = byOid(
    await q<Row>(
      `SELECT a.attrelid::int8::text AS oid, a.attname::text AS name, a.attnotnull AS not_null
       FROM pg_attribute a WHERE a.attrelid IN (${TABLES}) AND a.attnum > 0 AND NOT a.attisdropped
       ORDER BY a.attrelid, a.attnum`,
    ),
  );
  const indexes = byOid(
    await q<Row>(
      `SELECT i.indrelid::int8::text AS oid,
         ARRAY(SELECT COALESCE(a.attname::text, '') FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)
               LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num ORDER BY k.ord) AS cols
       FROM pg_index i WHERE i.indrelid IN (${TABLES})`,
    ),
  );
  const fks = byOid(
    await q<Row>(
      `SELECT c.conrelid::int8::text AS oid, c.conname::text AS name, c.confrelid::int8::text AS ref,
         ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(num, ord)
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num ORDER BY k.ord) AS cols
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid IN (${TABLES})`,
    ),
  );
  const policies = byOid(
    await q<Row>(
      `SELECT p.polrelid::int8::text AS oid, p.polname::text AS name, p.polcmd::text AS cmd,
         p.polpermissive AS permissive, pg_get_expr(p.polqual, p.polrelid) AS qual,
         pg_get_expr(p.polwithcheck, p.polrelid) AS with_check
       FROM pg_policy p WHERE p.polrelid IN (${TABLES}) ORDER BY p.polname`,
    ),
  );
  const triggers = byOid(
    await q<Row>(
      `SELECT t.tgrelid::int8::text AS oid, t.tgname::text AS name, t.tgtype::int AS type, t.tgenabled::text AS enabled
       FROM pg_trigger t WHERE NOT t.tgisinternal AND t.tgrelid IN (${TABLES})`,
    ),
  );
  const functions = await q<Row>(
    `SELECT n.nspname AS schema, p.proname AS name, pg_get_function_identity_arguments(p.oid) AS args,
       p.proconfig AS config
     FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE p.prosecdef AND ${USER_SCHEMA} AND ${NOT_EXTENSION("pg_proc", "p.oid")}
     ORDER BY 1, 2, 3`,
  );
  const views = await q<Row>(
    `SELECT n.nspname AS schema, c.relname AS name,
       COALESCE(c.reloptions::text[] && ARRAY['security_invoker=true', 'security_invoker=on', 'security_invoker=1'], false) AS invoker,
       ARRAY(SELECT DISTINCT d.refobjid::int8::text FROM pg_rewrite r
             JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
               AND d.refclassid = 'pg_class'::regclass AND d.refobjid <> c.oid
             WHERE r.ev_class = c.oid) AS reads
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'v' AND ${USER_SCHEMA} AND ${NOT_EXTENSION("pg_class", "c.oid")}
     ORDER BY 1, 2`,
  );
  return {
    database: String(head.db),
    serverVersion: String(head.version),
    role: {
      name: String(head.role),
      superuser: asBool(head.superuser),
      bypassRls: asBool(head.bypass),
    },
    settings,
    md5Roles,
    publicSchemaCreate: asBool(head.public_create),
    tables: tables.map((t) => {
      const oid = String(t.oid);
      return {
        oid,
        schema: String(t.schema),
        name: String(t.name),
        rls: asBool(t.rls),
        forced: asBool(t.forced),
        owner: String(t.owner),
        ownedByApp: asBool(t.owned_by_app),
        appMayModify: asBool(t.may_modify),
        columns: (columns.get(oid) ?? []).map((c) => ({
          name: String(c.name),
          notNull: asBool(c.not_null),
        })),
        indexes: (indexes.get(oid) ?? []).map((i) => asList(i.cols)),
        foreignKeys: (fks.get(oid) ?? []).map((f) => ({
          name: String(f.name),
          columns: asList(f.cols),
          refOid: String(f.ref),
        })),
        policies: (policies.get(oid) ?? []).map((p) => ({
          name: String(p.name),
          cmd: String(p.cmd),
          permissive: asBool(p.permissive),
          qual: p.qual === null ? null : String(p.qual),
          withCheck: p.with_check === null ? null : String(p.with_check),
        })),
        triggers: (triggers.get(oid) ?? []).map((g) => ({
          name: String(g.name),
          type: Number(g.type),
          enabled: String(g.enabled) !== "D",
        })),
      };
    }),
    functions: functions.map((f) => ({
      schema: String(f.schema),
      name: String(f.name),
      args: String(f.args),
      config: f.config === null ? null : asList(f.config),
    })),
    views: views.map((v) => ({
      schema: String(v.schema),
      name: String(v.name),
      securityInvoker: asBool(v.invoker),
      reads: asList(v.reads),
    })),
  };
}
