import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptLogin } from "@/lib/auth/login";
import { addDays, isoDay } from "@/lib/dates";
import { runUserCommand } from "./user-commands";

const stdin = (text: string) => Readable.from([Buffer.from(text)]);
// Expiry days a year from now: login and token checks compare them with the current time.
const inAYear = isoDay(addDays(new Date(), 365));

describe("npm run cli -- user …", () => {
  it("adds an auditor with the password from standard input and lists it", async () => {
    const prisma = await db();
    const lines: string[] = [];
    const code = await runUserCommand(
      "add",
      {
        email: "Ext.Auditor@Example.test",
        role: "auditor",
        expires: inAYear,
        "password-stdin": true,
      },
      stdin("a very long password\n"),
      (l) => lines.push(l),
    );
    expect(code).toBe(0);
    expect(lines[0]).toBe(`Added auditor ext.auditor@example.test (access until ${inAYear}).`);
    expect(await attemptLogin("ext.auditor@example.test", "a very long password")).toMatchObject({
      ok: true,
    });
    const listed: string[] = [];
    await runUserCommand("list", {}, stdin(""), (l) => listed.push(l));
    expect(listed.join("\n")).toContain(
      `ext.auditor@example.test\tauditor until ${inAYear}\tactive`,
    );
    const log = await prisma.activity.findFirstOrThrow({
      where: { action: "user.create", actorEmail: "cli" },
    });
    expect(log.summary).toContain("from the command line");
  });

  it.each([
    [
      { email: "a@example.test", role: "auditor" },
      "pw long enough!",
      /--expires: Auditors need an access expiry date/,
    ],
    [{ email: "a@example.test", role: "owner" }, "pw long enough!", /--role/],
    [
      { email: "a@example.test", role: "engineer" },
      "short",
      /password \(standard input\): Use at least 12/,
    ],
    [{ email: "nope", role: "engineer" }, "pw long enough!", /--email/],
    [
      { email: "a@example.test", role: "engineer" },
      "unbelievable",
      /password \(standard input\): This password is one of the 10,000 most common/,
    ],
  ])(
    "refuses %o with a message naming the problem, saving nothing",
    async (opts, password, message) => {
      const prisma = await db();
      const before = await prisma.user.count();
      await expect(
        runUserCommand("add", { ...opts, "password-stdin": true }, stdin(password), () => {}),
      ).rejects.toThrow(message);
      expect(await prisma.user.count()).toBe(before);
    },
  );
});

describe("npm run cli -- user add (invitation) and user reset", () => {
  it("prints a one-time link on the last line; the invitee sets the password through it", async () => {
    const { redeemCredentialLink } = await import("@/lib/auth/invitations");
    const lines: string[] = [];
    const code = await runUserCommand(
      "add",
      { email: "invited@example.test", role: "auditor", expires: inAYear },
      stdin(""),
      (l) => lines.push(l),
    );
    expect(code).toBe(0);
    expect(lines[0]).toBe(`Invited auditor invited@example.test (access until ${inAYear}).`);
    const link = lines.at(-1) ?? "";
    expect(link).toMatch(/^http:\/\/.+\/password\/[A-Za-z0-9_-]{43}$/);
    expect(await attemptLogin("invited@example.test", "anything at all 1")).toMatchObject({
      ok: false,
    });
    await redeemCredentialLink(link.split("/").at(-1)!, "the invitee's own passphrase");
    expect(
      await attemptLogin("invited@example.test", "the invitee's own passphrase"),
    ).toMatchObject({ ok: true });

    const reset: string[] = [];
    await runUserCommand("reset", { email: "Invited@Example.test" }, stdin(""), (l) =>
      reset.push(l),
    );
    expect(reset[0]).toBe("Password reset link for invited@example.test.");
    expect(reset.at(-1)).toMatch(/\/password\/[A-Za-z0-9_-]{43}$/);
    await expect(
      runUserCommand("reset", { email: "nobody@example.test" }, stdin(""), () => {}),
    ).rejects.toThrow(/--email: no account/);
  });
});

describe("npm run cli -- token create", () => {
  it("prints the token alone on the last line, stores only its hash, and the token authenticates", async () => {
    const { runTokenCommand } = await import("./token-commands");
    const { authenticateToken, hashToken } = await import("@/lib/collectors/tokens");
    const prisma = await db();
    const lines: string[] = [];
    expect(
      await runTokenCommand(
        "create",
        { name: "backend-ci", scope: "ingest", expires: inAYear },
        (l) => lines.push(l),
      ),
    ).toBe(0);
    const token = lines.at(-1) ?? "";
    expect(token).toMatch(/^tb_[A-Za-z0-9_-]{32}$/);
    const row = await prisma.apiToken.findFirstOrThrow({ where: { name: "backend-ci" } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    // Valid through the end of the given day (UTC).
    expect(row.expiresAt).toEqual(addDays(new Date(`${inAYear}T00:00:00.000Z`), 1));
    expect(await authenticateToken(`Bearer ${token}`)).toMatchObject({
      actor: {
        kind: "token",
        email: "token:backend-ci",
        scopes: ["test-results", "audit-events", "findings"],
      },
    });
    const log = await prisma.activity.findFirstOrThrow({
      where: { action: "token.create", entityId: row.id },
    });
    expect(log.actorEmail).toBe("cli");
    await expect(runTokenCommand("create", { name: "x", scope: "admin" })).rejects.toThrow(
      /--scope/,
    );
    await expect(runTokenCommand("create", { name: "x", expires: "someday" })).rejects.toThrow(
      /--expires/,
    );
    expect(await prisma.apiToken.count({ where: { name: "x" } })).toBe(0);
  });
});
