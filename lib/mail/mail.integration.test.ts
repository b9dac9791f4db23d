// E-mail against a real SMTP server started here (smtp-server on a local port): invitations,
// resets and new-device notices arrive; with the server down the link is still returned and the
// failure recorded, never the link.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "node:net";
import { SMTPServer } from "smtp-server";
import { db } from "@/lib/db";
import { makeUser } from "@/lib/testing/fixtures";
import { inviteUser, issueCredentialLink } from "@/lib/auth/invitations";
import { recognizeDevice } from "@/lib/auth/devices";
import { setMailSettingsForTests } from "./mailer";

interface Received {
  to: string[];
  raw: string;
}
const inbox: Received[] = [];
let server: SMTPServer;
let port = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as { port: number }).port;
  setMailSettingsForTests({ url: `smtp://127.0.0.1:${port}`, from: "trustboard@example.test" });
});

afterAll(async () => {
  setMailSettingsForTests(undefined);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
  const p = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
  return p;
}

/** Quoted-printable soft breaks undone, so a long link reads whole. */
const body = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

describe("e-mail through SMTP_URL", () => {
  it("sends the invitation with its link and records the delivery", async () => {
    const admin = await makeUser("admin");
    const issued = await inviteUser(admin, {
      email: "mailed-invitee@example.test",
      name: "Mailed",
      role: "engineer",
      expires: null,
    });
    expect(issued.mail).toBe("sent");
    const mail = inbox.find((m) => m.to.includes("mailed-invitee@example.test"));
    expect(mail).toBeDefined();
    expect(body(mail!.raw)).toContain(issued.link);
    expect(mail!.raw).toContain("Subject: Your Trustboard invitation");
    const logged = await (
      await db()
    ).activity.findFirstOrThrow({
      where: { action: "mail.sent", entityId: issued.userId },
    });
    expect(logged.summary).not.toContain(issued.link.split("/").at(-1)!);
  });

  it("sends a reset link", async () => {
    const admin = await makeUser("admin");
    const user = await makeUser("engineer");
    const issued = await issueCredentialLink(admin, user.id);
    expect(issued.mail).toBe("sent");
    const mail = inbox.find((m) => m.to.includes(user.email));
    expect(body(mail!.raw)).toContain(issued.link);
  });

  it("with the SMTP server down the link is still returned and the failure recorded", async () => {
    const admin = await makeUser("admin");
    setMailSettingsForTests({
      url: `smtp://127.0.0.1:${await closedPort()}`,
      from: "t@example.test",
    });
    try {
      const issued = await inviteUser(admin, {
        email: "smtp-down@example.test",
        name: "Down",
        role: "engineer",
        expires: null,
      });
      expect(issued.mail).toBe("failed");
      expect(issued.link).toMatch(/\/password\/[A-Za-z0-9_-]{43}$/);
      const failed = await (
        await db()
      ).activity.findFirstOrThrow({
        where: { action: "mail.failed", entityId: issued.userId },
      });
      // nodemailer's code for a refused connection, never its message or the address.
      expect(failed.summary).toMatch(/\((ECONNECTION|ESOCKET|ECONNREFUSED)\)/);
      expect(failed.summary).not.toContain(issued.link.split("/").at(-1)!);
    } finally {
      setMailSettingsForTests({ url: `smtp://127.0.0.1:${port}`, from: "trustboard@example.test" });
    }
  });

  it("a sign-in from a new browser is recorded and e-mailed; the first one and known ones are not", async () => {
    const user = await makeUser("engineer");
    const meta = { address: "203.0.113.9", browser: "TestBrowser/1.0" };
    const first = await recognizeDevice(user, null, meta);
    expect(first).toMatchObject({ isNew: true, mail: null });
    const again = await recognizeDevice(user, first.deviceId, meta);
    expect(again).toMatchObject({ isNew: false, mail: null, deviceId: first.deviceId });
    const second = await recognizeDevice(user, "not-a-device-cookie", meta);
    expect(second.isNew).toBe(true);
    expect(second.deviceId).not.toBe(first.deviceId);
    expect(await second.mail).toEqual({ status: "sent" });
    const mail = inbox.find((m) => m.to.includes(user.email));
    expect(mail?.raw).toContain("Subject: New sign-in to your Trustboard account");
    expect(body(mail!.raw)).toContain("203.0.113.9");
    const actions = (
      await (
        await db()
      ).activity.findMany({ where: { entityId: user.id }, orderBy: { seq: "asc" } })
    ).map((a) => a.action);
    expect(actions.filter((a) => a === "auth.new_device")).toHaveLength(1);
    expect(actions).toContain("mail.sent");
  });
});
