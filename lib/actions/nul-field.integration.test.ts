// A NUL character in any form field is refused (400-style form state naming the field) before
// the schema or the database see it, and nothing is saved.
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/types";
import { makeUser } from "@/lib/testing/fixtures";

let admin: SessionUser;
vi.mock("@/lib/auth/session", () => ({
  resolveSession: async () => ({ user: admin }),
  mustEnrolFirst: async () => false,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`NEXT_REDIRECT ${url}`);
  },
}));

const { createControlAction } = await import("./control-actions");

describe("NUL characters in form fields", () => {
  it("are refused naming the field, and nothing is saved", async () => {
    admin = await makeUser("admin");
    const prisma = await db();
    const before = await prisma.control.count();
    const form = new FormData();
    form.set("title", "Tenant\u0000isolation");
    form.set("description", "x");
    form.set("implementation", "in_progress");
    const state = await createControlAction({}, form);
    expect(state).toMatchObject({ ok: false, code: "invalid" });
    expect(state.errors?.title?.[0]).toMatch(/NUL/);
    expect(await prisma.control.count()).toBe(before);
  });
});
