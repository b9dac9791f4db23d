import { invalid } from "@/lib/errors";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { endOfIsoDay } from "@/lib/dates";
import { TOKEN_SCOPES, createToken, type TokenScope } from "@/lib/collectors/tokens";

/** `token create`, acting as the command line (CLI_ACTOR): the token is printed once, alone on
 * the last line, for scripts to capture. */
export async function runTokenCommand(
  command: string,
  opts: { name?: string; scope?: string; expires?: string },
  out: (line: string) => void = console.log,
): Promise<number> {
  if (command !== "create")
    throw invalid(`Unknown command "token ${command}". Use "token create".`);
  const name = opts.name?.trim();
  if (!name) throw invalid("--name: give the token a name (e.g. --name backend-ci)");
  const scope = opts.scope ?? "ingest";
  if (!(TOKEN_SCOPES as readonly string[]).includes(scope))
    throw invalid(`--scope: must be one of ${TOKEN_SCOPES.join(", ")}`);
  // "--expires 2031-01-31" means valid through the end of that day (UTC).
  const expiresAt = opts.expires ? endOfIsoDay(opts.expires) : null;
  if (opts.expires && !expiresAt) throw invalid("--expires: use YYYY-MM-DD");
  const { token } = await createToken(CLI_ACTOR, {
    name,
    scopes: [scope as TokenScope],
    expiresAt,
  });
  out(
    `Created token "${name}" with scope ${scope}${opts.expires ? `, valid through ${opts.expires}` : ""}. It is shown only now:`,
  );
  out(token);
  return 0;
}
