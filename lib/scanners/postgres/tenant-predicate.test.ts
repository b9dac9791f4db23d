import { describe, expect, it } from "vitest";
import { isAlwaysTrue, referencesTenant } from "./tenant-predicate";

const cols = ["tenant_id", "org_id"];

describe("referencesTenant", () => {
  it("sees the column directly, qualified or quoted", () => {
    expect(
      referencesTenant("(tenant_id = (current_setting('app.tenant'::text))::uuid)", cols),
    ).toBe(true);
    expect(referencesTenant('(t."org_id" = app.current_org())', cols)).toBe(true);
  });

  it("sees it through a subquery or join", () => {
    const join =
      "(EXISTS ( SELECT 1 FROM projects p WHERE ((p.id = tasks.project_id) AND (p.tenant_id = (current_setting('app.tenant_id'::text))::uuid))))";
    expect(referencesTenant(join, cols)).toBe(true);
    expect(
      referencesTenant(
        "(project_id IN ( SELECT projects.id FROM projects WHERE (projects.org_id = 3)))",
        cols,
      ),
    ).toBe(true);
  });

  it("does not count a setting name, a longer identifier, or nothing", () => {
    expect(referencesTenant("(owner = current_setting('app.tenant_id'::text))", cols)).toBe(false);
    expect(referencesTenant("(tenant_id_old = 1)", cols)).toBe(false);
    expect(referencesTenant("(my_org_id = 1)", cols)).toBe(false);
    expect(referencesTenant(null, cols)).toBe(false);
  });
});

describe("isAlwaysTrue", () => {
  it("recognises true however wrapped", () => {
    expect(isAlwaysTrue("true")).toBe(true);
    expect(isAlwaysTrue("(true)")).toBe(true);
    expect(isAlwaysTrue("(tenant_id = 1)")).toBe(false);
    expect(isAlwaysTrue(null)).toBe(false);
  });
});
