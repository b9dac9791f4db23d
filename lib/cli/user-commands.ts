import { invalid, notFound } from "@/lib/errors";
import type { Readable } from "node:stream";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SYSTEM_ACTOR } from "@/lib/auth/actor";
import { expiryFromDate, lastAccessDay } from "@/lib/auth/access";
import { insertUser } from "@/lib/users/insert-user";
import { newUserSchema } from "@/lib/users/schemas";

export async function readPassword(input: Readable): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of input)
    text +=
      typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
  text += decoder.decode();
  // Only the trailing newline of `echo`/a here-doc is dropped; the password is otherwise verbatim.
  return text.replace(/\r?\n$/, "");
}

export async function runUserCommand(
  prisma: PrismaClient,
  command: string,
  opts: { email?: string; role?: string; name?: string; expires?: string },
  stdin: Readable,
  out: (line: string) => void = console.log,
): Promise<number> {
  if (command === "list") {
    const users = await prisma.user.findMany({ orderBy: { email: "asc" } });
    if (users.length === 0) out("No users yet.");
    for (const u of users) {
      const access = u.accessExpiresAt ? ` until ${lastAccessDay(u.accessExpiresAt)}` : "";
      out(`${u.email}\t${u.role}${access}\t${u.active ? "active" : "deactivated"}\t${u.name}`);
    }
    return 0;
  }
  if (command !== "add")
    throw notFound(`Unknown command "user ${command}". Use "user add" or "user list".`);
  const password = await readPassword(stdin);
  const parsed = newUserSchema.safeParse({
    email: opts.email ?? "",
    name: opts.name ?? opts.email?.split("@")[0] ?? "",
    role: opts.role ?? "",
    password,
    expires: opts.expires,
  });
  if (!parsed.success) {
    const msg = parsed.error.issues.map(
      (i) =>
        `${i.path[0] === "password" ? "password (standard input)" : `--${String(i.path[0])}`}: ${i.message}`,
    );
    throw invalid(msg.join("\n"));
  }
  const input = parsed.data;
  await prisma.$transaction((tx) =>
    insertUser(
      tx,
      { ...SYSTEM_ACTOR, email: "cli" },
      { ...input, accessExpiresAt: input.expires ? expiryFromDate(input.expires) : null },
      "from the command line",
    ),
  );
  out(
    `Added ${input.role} ${input.email}${input.expires ? ` (access until ${input.expires})` : ""}.`,
  );
  return 0;
}
