import { describe, expect, it } from "vitest";
import type { TableInfo } from "./snapshot";
import { checkTable } from "./table-checks";

const TENANT = "(tenant_id = (current_setting('app.tenant_id'::text))::uuid)";
const table = (policies: TableInfo["policies"]): TableInfo => ({
  oid: "1",
  schema: "public",
  name: "docs",
  rls: true,
  forced: true,
  owner: "owner",
  ownedByApp: false,
  appMayModify: true,
  columns: [
    { name: "id", notNull: true },
    { name: "tenant_id", notNull: true },
    { name: "updated_at", notNull: true },
  ],
  indexes: [["id"], ["tenant_id"]],
  foreignKeys: [],
  policies,
  triggers: [{ name: "touch", type: 1 | 2 | 16, enabled: true }],
});
const checks = (t: TableInfo) =>
  checkTable(t, "tenant", "tenant_id", ["tenant_id"], "app").map((f) => f.check);
const policy = (p: Partial<TableInfo["policies"][number]>) => ({
  name: "p",
  cmd: "*",
  permissive: true,
  qual: TENANT,
  withCheck: null,
  ...p,
});

describe("write isolation", () => {
  it("accepts an ALL policy whose USING also checks new rows", () => {
    expect(checks(table([policy({})]))).toEqual([]);
  });

  it("flags an INSERT policy without a tenant WITH CHECK", () => {
    expect(
      checks(
        table([
          policy({ cmd: "r" }),
          policy({ name: "ins", cmd: "a", qual: null, withCheck: "(id IS NOT NULL)" }),
        ]),
      ),
    ).toEqual(["policy_no_tenant_predicate", "write_not_isolated"]);
  });

  it("lets a restrictive tenant policy isolate loose permissive ones", () => {
    const loose = policy({ name: "loose", qual: "(id IS NOT NULL)" });
    const strict = policy({ name: "strict", permissive: false });
    expect(checks(table([loose, strict]))).toEqual(["policy_no_tenant_predicate"]);
  });

  it("says nothing about writes when no policy allows them", () => {
    expect(checks(table([policy({ cmd: "r" })]))).toEqual([]);
  });
});

describe("updated_at and audit tables", () => {
  it("wants a BEFORE UPDATE row trigger, and an append-only one on audit tables", () => {
    const t = { ...table([policy({})]), triggers: [] };
    expect(checks(t)).toEqual(["updated_at_no_trigger"]);
    const audit = { ...t, name: "audit_events", columns: t.columns.slice(0, 1) };
    expect(checkTable(audit, "none", null, ["tenant_id"], "app").map((f) => f.check)).toEqual([
      "audit_table_mutable",
    ]);
    const appendOnly = {
      ...audit,
      triggers: [{ name: "ro", type: 1 | 2 | 8 | 16, enabled: true }],
    };
    expect(checkTable(appendOnly, "none", null, ["tenant_id"], "app")).toEqual([]);
    expect(
      checkTable({ ...audit, appMayModify: false }, "none", null, ["tenant_id"], "app"),
    ).toEqual([]);
  });
});
