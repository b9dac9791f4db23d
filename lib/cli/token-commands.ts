import { notFound, invalid } from "@/lib/errors";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { expiryFromDate } from "@/lib/auth/access";
import { TOKEN_SCOPES, createToken, type TokenScope } from "@/lib/collectors/tokens";

/** `token create`: the token is printed once, alone on the last line, for scripts to capture. */
export async function runTokenCommand(
  prisma: PrismaClient,
  command: string,
  opts: { name?: string; scope?: string; expires?: string },
  out: (line: string) => void = console.log,
): Promise<number> {
  if (command !== "create")
    throw notFound(`Unknown command "token ${command}". Use "token create".`);
  const name = opts.name?.trim();
  if (!name) throw invalid("--name: give the token a name (e.g. --name backend-ci)");
  const scope = opts.scope ?? "ingest";
  if (!(TOKEN_SCOPES as readonly string[]).includes(scope))
    throw invalid(`--scope: must be one of ${TOKEN_SCOPES.join(", ")}`);
  let expiresAt: Date | null = null;
  if (opts.expires) {
    try {
      expiresAt = expiryFromDate(opts.expires);
    } catch {
      throw invalid("--expires: use YYYY-MM-DD");
    }
  }
  const { token } = await createToken(
    prisma,
    { id: null, email: "cli" },
    { name, scopes: [scope as TokenScope], expiresAt },
  );
  out(
    `Created token "${name}" with scope ${scope}${opts.expires ? `, valid through ${opts.expires}` : ""}. It is shown only now:`,
  );
  out(token);
  return 0;
}
