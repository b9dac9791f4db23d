// A role that requires a second factor: its users can do nothing but enrol, through server
// actions as well as session routes, until they have one.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { generate } from "otplib";
import { db } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { makeUser } from "@/lib/testing/fixtures";

const hoisted = vi.hoisted(() => ({ session: null as { user: { id: string } } | null }));
vi.mock("@/lib/auth/index", () => ({
  auth: async () => hoisted.session,
  signIn: async () => {},
  signOut: async () => {},
  handlers: {},
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { verifyChainAction } = await import("@/lib/actions/activity-actions");
const { startTotpAction } = await import("@/lib/actions/second-factor-actions");
const { confirmTotpEnrolment } = await import("./second-factor");
const { setRolePolicy } = await import("./role-policy");
const { sessionRoute } = await import("@/lib/http/api-route");

const route = sessionRoute("workspace.read", async () => Response.json({ ok: true }));
const callRoute = () =>
  route(new Request("http://localhost/api/x"), { params: Promise.resolve({}) });

beforeAll(async () => {
  await db();
});

describe("the enrolment requirement", () => {
  it("refuses everything but enrolment until a factor is set up", async () => {
    const auditor = await makeUser("auditor");
    hoisted.session = { user: { id: auditor.id } };
    await setRolePolicy(SYSTEM_ACTOR, {
      role: "auditor",
      requireSecondFactor: true,
      passwordSignIn: true,
    });
    try {
      expect(await verifyChainAction({}, new FormData())).toMatchObject({ code: "forbidden" });
      expect((await callRoute()).status).toBe(403);
      const started = await startTotpAction({}, new FormData());
      expect(started).toMatchObject({ ok: true });
      await confirmTotpEnrolment(auditor, await generate({ secret: started.secret! }));
      expect(await verifyChainAction({}, new FormData())).toMatchObject({ ok: true });
      expect((await callRoute()).status).toBe(200);
    } finally {
      await setRolePolicy(SYSTEM_ACTOR, {
        role: "auditor",
        requireSecondFactor: false,
        passwordSignIn: true,
      });
    }
  });
});
