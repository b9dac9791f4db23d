import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { createControl } from "@/lib/controls/controls";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import type { TokenActor } from "@/lib/auth/actor";
import { pushFinding } from "./push-finding";
import { findingBodySchema } from "./schemas";
import { getBacklogItem } from "./backlog-queries";

describe("findings pushed by collectors", () => {
  it("creates a collector item linked by control ref, answers repeats with the same item, and refuses unknown refs whole", async () => {
    const admin = await makeUser("admin");
    const prisma = await db();
    const control = await createControl(admin, {
      title: "Tenant isolation",
      description: "",
      ownerId: null,
      implementation: "implemented",
      naJustification: null,
      locations: [],
      criteria: ["CC6.1"],
    });
    const actor: TokenActor = {
      kind: "token",
      id: admin.id,
      email: "token:db-scanner",
      tokenId: "00000000-0000-4000-8000-000000000001",
      scopes: ["findings"],
      source: null,
      evidences: [],
    };
    const body = findingBodySchema.parse({
      title: "RLS disabled on 3 tables",
      priority: "P0",
      controls: [control.ref.toLowerCase()],
      checklist: ["rowsecurity = true on all tables"],
      source: "nightly db scan",
    });
    // Only an ingest token pushes findings: not a signed-in user (even an admin), nor nobody.
    const none = await prisma.backlogItem.count();
    await expect(pushFinding(admin, body)).rejects.toMatchObject({ code: "forbidden" });
    await expect(pushFinding(null, body)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(await prisma.backlogItem.count()).toBe(none);
    const first = await pushFinding(actor, body);
    expect(first.created).toBe(true);
    const item = (await getBacklogItem(admin, first.key))!;
    expect(item).toMatchObject({
      origin: "collector",
      originNote: "Pushed by nightly db scan (token:db-scanner)",
      priority: "P0",
    });
    expect(item.controls.map((c) => c.control.id)).toEqual([control.id]);
    expect(await pushFinding(actor, body)).toEqual({
      created: false,
      key: first.key,
      ignoredTags: [],
    });
    expect((await computeWorkspaceStatus(admin)).controls.get(control.id)!.status).toBe("gap");

    const keyed = findingBodySchema.parse({
      key: "scan-42",
      title: "Another",
      priority: "P3",
      criteria: ["CC6.6"],
    });
    expect(await pushFinding(actor, keyed)).toEqual({
      created: true,
      key: "SCAN-42",
      ignoredTags: [],
    });
    expect(await pushFinding(actor, { ...keyed, title: "Renamed" })).toEqual({
      created: false,
      key: "SCAN-42",
      ignoredTags: [],
    });

    const before = await prisma.backlogItem.count();
    await expect(
      pushFinding(
        actor,
        findingBodySchema.parse({ title: "x", priority: "P1", controls: ["CTL-999"] }),
      ),
    ).rejects.toMatchObject({
      code: "invalid",
      message: "Unknown or archived control ref(s): CTL-999.",
    });
    expect(await prisma.backlogItem.count()).toBe(before);
    expect(
      findingBodySchema.safeParse({ title: "x", priority: "urgent" }).error?.issues[0]?.message,
    ).toBe("priority is one of P0, P1, P2, P3");
  });
});
