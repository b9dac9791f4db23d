import type { Readable } from "node:stream";
import type { z } from "zod";
import { invalid } from "@/lib/errors";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { lastAccessDay } from "@/lib/auth/access";
import { createUser, findUserId, listUsers } from "@/lib/users/users";
import { newUserSchema, newUserWithPasswordSchema } from "@/lib/users/schemas";
import { inviteUser, issueCredentialLink, type IssuedLink } from "@/lib/auth/invitations";

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

const MAIL_NOTE: Record<IssuedLink["mail"], string> = {
  sent: "E-mailed to the account's address; the link is also printed below.",
  failed: "The e-mail could not be sent (recorded in the activity log); pass the link on yourself.",
  off: "Pass the link on to its owner (no SMTP_URL configured).",
};

function printLink(issued: IssuedLink, out: (line: string) => void): void {
  out(`The link works once, until ${issued.expiresAt.toISOString()}. ${MAIL_NOTE[issued.mail]}`);
  out(issued.link);
}

const accessNote = (expires: string | null) => (expires ? ` (access until ${expires})` : "");

/** The parsed options, or an error naming each option at fault. */
function valid<T>(parsed: z.ZodSafeParseResult<T>): T {
  if (parsed.success) return parsed.data;
  const msg = parsed.error.issues.map(
    (i) =>
      `${i.path[0] === "password" ? "password (standard input)" : `--${String(i.path[0])}`}: ${i.message}`,
  );
  throw invalid(msg.join("\n"));
}

export interface UserCommandOptions {
  email?: string;
  role?: string;
  name?: string;
  expires?: string;
  /** Automation: read the password from standard input instead of inviting. */
  "password-stdin"?: boolean;
}

/**
 * `user list`, `user add` (an invitation link on the last line, or with --password-stdin the
 * password read from standard input) and `user reset` (a new link), acting as the command line.
 */
export async function runUserCommand(
  command: string,
  opts: UserCommandOptions,
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
  if (command === "reset") {
    const email = opts.email?.trim().toLowerCase() ?? "";
    if (!email) throw invalid("--email: name the account to issue a link for");
    const id = await findUserId(CLI_ACTOR, email);
    if (!id) throw invalid(`--email: no account ${email}`);
    const issued = await issueCredentialLink(CLI_ACTOR, id);
    out(
      `${issued.purpose === "invitation" ? "New invitation" : "Password reset link"} for ${issued.email}.`,
    );
    printLink(issued, out);
    return 0;
  }
  if (command !== "add")
    throw invalid(
      `Unknown command "user ${command}". Use "user add", "user reset" or "user list".`,
    );
  const fields = {
    email: opts.email ?? "",
    name: opts.name ?? opts.email?.split("@")[0] ?? "",
    role: opts.role ?? "",
    expires: opts.expires,
  };
  if (opts["password-stdin"] === true) {
    const input = valid(
      newUserWithPasswordSchema.safeParse({ ...fields, password: await readPassword(stdin) }),
    );
    await createUser(CLI_ACTOR, input, "from the command line");
    out(`Added ${input.role} ${input.email}${accessNote(input.expires)}.`);
    return 0;
  }
  const input = valid(newUserSchema.safeParse(fields));
  const until = accessNote(input.expires);
  const issued = await inviteUser(CLI_ACTOR, input, { how: "from the command line" });
  out(`Invited ${input.role} ${issued.email}${until}.`);
  printLink(issued, out);
  return 0;
}
