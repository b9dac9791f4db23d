import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { bootstrap } from "@/lib/db/bootstrap";
import { parseEnv } from "@/lib/env";
import { makeUser } from "@/lib/testing/fixtures";
import { setCategoriesInScope, getWorkspace } from "@/lib/workspace/workspace";
import { listCriteria } from "@/lib/criteria/list-criteria";
import { createUser, listUsers, setUserActive, updateUserAccess } from "./users";
import { needsSetup, setupFirstAdmin } from "./setup";

const newUser = (email: string) => ({
  email,
  name: "New",
  role: "engineer" as const,
  password: "a long password 1",
  expires: null,
});

describe("first administrator", () => {
  it("setup works once, then refuses", async () => {
    expect(await needsSetup()).toBe(true);
    await setupFirstAdmin({
      email: "first@example.test",
      name: "First",
      password: "a long password 1",
    });
    expect(await needsSetup()).toBe(false);
    await expect(
      setupFirstAdmin({
        email: "second@example.test",
        name: "Second",
        password: "a long password 1",
      }),
    ).rejects.toThrow(/already set up/);
  });

  it("TRUSTBOARD_ADMIN_EMAIL creates a missing admin and never changes an existing account", async () => {
    const prisma = await db();
    const env = parseEnv({
      TRUSTBOARD_ADMIN_EMAIL: "boot@example.test",
      TRUSTBOARD_ADMIN_PASSWORD: "boot password 123",
    });
    await bootstrap(prisma, env);
    const created = await prisma.user.findUniqueOrThrow({ where: { email: "boot@example.test" } });
    expect(created.role).toBe("admin");
    await prisma.user.update({ where: { id: created.id }, data: { role: "engineer" } });
    await bootstrap(
      prisma,
      parseEnv({
        TRUSTBOARD_ADMIN_EMAIL: "boot@example.test",
        TRUSTBOARD_ADMIN_PASSWORD: "other password 456",
      }),
    );
    const after = await prisma.user.findUniqueOrThrow({ where: { email: "boot@example.test" } });
    expect(after.role).toBe("engineer");
    expect(after.passwordHash).toBe(created.passwordHash);
  });
});

describe("role enforcement in the data layer", () => {
  it.each(["engineer", "auditor"] as const)(
    "a %s cannot add users, and nothing is written",
    async (role) => {
      const actor = await makeUser(role);
      const prisma = await db();
      const [users, acts] = [await prisma.user.count(), await prisma.activity.count()];
      await expect(createUser(actor, newUser(`x-${role}@example.test`))).rejects.toThrow(
        `Your role (${role}) is not allowed`,
      );
      await expect(listUsers(actor)).rejects.toThrow(/not allowed/);
      expect(await prisma.user.count()).toBe(users);
      expect(await prisma.activity.count()).toBe(acts);
    },
  );

  it("an auditor cannot change the scope", async () => {
    const auditor = await makeUser("auditor");
    await expect(setCategoriesInScope(auditor, ["privacy"])).rejects.toThrow(/not allowed/);
  });

  it("an admin adds, changes and deactivates users, each change logged with before/after", async () => {
    const admin = await makeUser("admin");
    const id = await createUser(admin, newUser("changing@example.test"));
    await updateUserAccess(admin, { id, role: "auditor", expires: "2030-06-30" });
    await setUserActive(admin, id, false);
    const prisma = await db();
    const user = await prisma.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ role: "auditor", active: false });
    expect(user.accessExpiresAt?.toISOString()).toBe("2030-07-01T00:00:00.000Z");
    const log = await prisma.activity.findMany({
      where: { entityId: id },
      orderBy: { seq: "asc" },
    });
    expect(log.map((l) => l.action)).toEqual([
      "user.create",
      "user.update_access",
      "user.deactivate",
    ]);
    expect(log[1]?.before).toMatchObject({ role: "engineer" });
    expect(log[1]?.after).toMatchObject({ role: "auditor" });
    expect(log.every((l) => l.actorId === admin.id)).toBe(true);
  });

  it("refuses duplicates, self-deactivation and removing the last admin", async () => {
    const prisma = await db();
    await prisma.user.updateMany({ where: { role: "admin" }, data: { active: false } });
    const admin = await makeUser("admin");
    await expect(createUser(admin, newUser("changing@example.test"))).rejects.toThrow(
      /already exists/,
    );
    await expect(setUserActive(admin, admin.id, false)).rejects.toThrow(/your own account/);
    await expect(
      updateUserAccess(admin, { id: admin.id, role: "engineer", expires: null }),
    ).rejects.toThrow(/last active administrator/);
  });
});

describe("scope", () => {
  it("keeps Security in scope and drives the criteria list", async () => {
    const admin = await makeUser("admin");
    await setCategoriesInScope(admin, ["availability"]);
    expect((await getWorkspace(admin)).categoriesInScope).toEqual(["availability", "security"]);
    const criteria = await listCriteria(admin);
    expect(criteria).toHaveLength(61);
    expect(criteria.filter((c) => c.inScope).map((c) => c.category)).not.toContain("privacy");
    expect(criteria.filter((c) => c.inScope)).toHaveLength(36);
  });
});

describe("the last administrator under concurrent changes", () => {
  it("two parallel demotions of the last two administrators: one is refused", async () => {
    const prisma = await db();
    const a = await makeUser("admin");
    const b = await makeUser("admin");
    await prisma.user.updateMany({
      where: { role: "admin", id: { notIn: [a.id, b.id] } },
      data: { active: false },
    });
    const results = await Promise.allSettled([
      updateUserAccess(b, { id: a.id, role: "engineer", expires: null }),
      setUserActive(a, b.id, false),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "conflict" });
    expect(await prisma.user.count({ where: { role: "admin", active: true } })).toBe(1);
  });
});
