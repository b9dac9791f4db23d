import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptLogin } from "@/lib/auth/login";
import { runUserCommand } from "./user-commands";

const stdin = (text: string) => Readable.from([Buffer.from(text)]);

describe("npm run cli -- user …", () => {
  it("adds an auditor with the password from standard input and lists it", async () => {
    const prisma = await db();
    const lines: string[] = [];
    const code = await runUserCommand(
      prisma,
      "add",
      { email: "Ext.Auditor@Example.test", role: "auditor", expires: "2031-03-31" },
      stdin("a very long password\n"),
      (l) => lines.push(l),
    );
    expect(code).toBe(0);
    expect(lines[0]).toBe("Added auditor ext.auditor@example.test (access until 2031-03-31).");
    expect(
      await attemptLogin(prisma, "ext.auditor@example.test", "a very long password"),
    ).toMatchObject({ ok: true });
    const listed: string[] = [];
    await runUserCommand(prisma, "list", {}, stdin(""), (l) => listed.push(l));
    expect(listed.join("\n")).toContain(
      "ext.auditor@example.test\tauditor until 2031-03-31\tactive",
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
  ])(
    "refuses %o with a message naming the problem, saving nothing",
    async (opts, password, message) => {
      const prisma = await db();
      const before = await prisma.user.count();
      await expect(runUserCommand(prisma, "add", opts, stdin(password), () => {})).rejects.toThrow(
        message,
      );
      expect(await prisma.user.count()).toBe(before);
    },
  );
});

describe("npm run cli -- token create", () => {
  it("prints the token alone on the last line, stores only its hash, and the token authenticates", async () => {
    const { runTokenCommand } = await import("./token-commands");
    const { authenticateToken, hashToken } = await import("@/lib/collectors/tokens");
    const prisma = await db();
    const lines: string[] = [];
    expect(
      await runTokenCommand(
        prisma,
        "create",
        { name: "backend-ci", scope: "ingest", expires: "2031-01-31" },
        (l) => lines.push(l),
      ),
    ).toBe(0);
    const token = lines[lines.length - 1];
    expect(token).toMatch(/^tb_[A-Za-z0-9_-]{32}$/);
    const row = await prisma.apiToken.findFirstOrThrow({ where: { name: "backend-ci" } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await authenticateToken(prisma, `Bearer ${token}`, "ingest")).toMatchObject({
      ok: true,
    });
    await expect(runTokenCommand(prisma, "create", { name: "x", scope: "admin" })).rejects.toThrow(
      /--scope/,
    );
  });
});
