import { describe, expect, it } from "vitest";
import { parseFileLine, parseRequirementLine, phaseSchema, verifySchema } from "./schemas";

describe("phase form parsing", () => {
  it("reads requirement lines with their criteria", () => {
    expect(parseRequirementLine("TENANT-04 | PostgreSQL RLS policies | CC6.1, CC6.6")).toEqual({
      code: "TENANT-04",
      description: "PostgreSQL RLS policies",
      criteria: ["CC6.1", "CC6.6"],
    });
    expect(parseRequirementLine("SOC2-02")).toEqual({
      code: "SOC2-02",
      description: "",
      criteria: [],
    });
    expect(parseRequirementLine("tenant 4 | x")).toMatch(/not a requirement id/);
    expect(parseRequirementLine("SOC2-02 | x | CC99")).toMatch(
      /"CC99" \(in SOC2-02\) is not a criterion id/,
    );
  });

  it("refuses a phase whose requirements are malformed or repeated, naming the line", () => {
    const base = { number: "25", title: "Multi-tenancy", progress: "complete" };
    const bad = phaseSchema.safeParse({
      ...base,
      requirements: "TENANT-01 | a | CC6.1\nTENANT-01 | b | CC6.1",
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("TENANT-01 is listed twice");
    const ok = phaseSchema.parse({
      ...base,
      requirements: "TENANT-01 | Tenants table | CC6.1\n\nSOC2-02 | Audit logging | CC7.2",
      nextSteps: "Wire RBAC\n  \nEnforce scoping",
    });
    expect(ok.requirements.map((r) => r.code)).toEqual(["TENANT-01", "SOC2-02"]);
    expect(ok.nextSteps).toEqual(["Wire RBAC", "Enforce scoping"]);
    expect(ok.ownerId).toBeNull();
  });

  it("reads file lines as created, modified or referenced", () => {
    expect(
      parseFileLine("created: supabase/migrations/20260127000006_enterprise_settings.sql"),
    ).toEqual({
      path: "supabase/migrations/20260127000006_enterprise_settings.sql",
      change: "created",
      note: "",
    });
    expect(
      parseFileLine(
        "modified: `apps/api/src/middleware/auth.ts` - Added comprehensive auth flow documentation",
      ),
    ).toEqual({
      path: "apps/api/src/middleware/auth.ts",
      change: "modified",
      note: "Added comprehensive auth flow documentation",
    });
    expect(parseFileLine("packages/db/src/tenant-context.ts")).toMatchObject({
      change: "referenced",
    });
  });

  it("a must-have that is not verified needs a reason", () => {
    const id = "7d4a3c52-1f1e-4a8e-9c39-6f0a8d1b2c3d";
    expect(verifySchema.safeParse({ mustHaveId: id, verdict: "failed" }).success).toBe(false);
    expect(
      verifySchema.safeParse({
        mustHaveId: id,
        verdict: "failed",
        reason: "writeAuditLog() is never called",
      }).success,
    ).toBe(true);
    expect(verifySchema.safeParse({ mustHaveId: id, verdict: "verified" }).success).toBe(true);
  });
});
