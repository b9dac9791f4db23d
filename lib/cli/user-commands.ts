import type { Readable } from "node:stream";
import { invalid } from "@/lib/errors";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { lastAccessDay } from "@/lib/auth/access";
import { createUser, listUsers } from "@/lib/users/users";
import { newUserSchema } from "@/lib/users/schemas";

async function readPassword(input: Readable): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of input)
    text +=
      typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
  text += decoder.decode();
  // Only the trailing newline of `echo`/a here-doc is dropped; the password is otherwise verbatim.
  return text.replace(/\r?\n$/, "");
}

/** `user list` and `user add`, acting as the command line (CLI_ACTOR). */
export async function runUserCommand(
  command: string,
  opts: { email?: string; role?: string; name?: string; expires?: string },
  stdin: Readable,
  out: (line: string) => void = console.log,
): Promise<number> {
  if (command === "list") {
    const users = (await listUsers(CLI_ACTOR)).sort((a, b) => (a.email < b.email ? -1 : 1));
    if (users.length === 0) out("No users yet.");
    for (const u of users) {
      const access = u.accessExpiresAt ? ` until ${lastAccessDay(u.accessExpiresAt)}` : "";
      out(`${u.email}\t${u.role}${access}\t${u.active ? "active" : "deactivated"}\t${u.name}`);
    }
    return 0;
  }
  if (command !== "add")
    throw invalid(`Unknown command "user ${command}". Use "user add" or "user list".`);
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
  await createUser(CLI_ACTOR, input, "from the command line");
  out(
    `Added ${input.role} ${input.email}${input.expires ? ` (access until ${input.expires})` : ""}.`,
  );
  return 0;
}
