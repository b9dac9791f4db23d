import { invalid } from "@/lib/errors";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { endOfIsoDay, isoDay } from "@/lib/dates";
import { TOKEN_SCOPES, createToken, type TokenScope } from "@/lib/collectors/tokens";

/** `--scope ingest` (before issue 10) still means every stream. */
function parseScopes(value: string | undefined): TokenScope[] {
  if (!value || value === "ingest") return [...TOKEN_SCOPES];
  const scopes = value.split(",").map((s) => s.trim());
  const bad = scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
  if (bad.length || !scopes.length)
    throw invalid(`--scope: a comma-separated list of ${TOKEN_SCOPES.join(", ")}`);
  return scopes as TokenScope[];
}

/** `token create`, acting as the command line (CLI_ACTOR): the token is printed once, alone on
 * the last line, for scripts to capture. */
export async function runTokenCommand(
  command: string,
  opts: { name?: string; scope?: string; expires?: string; source?: string; evidences?: string },
  out: (line: string) => void = console.log,
): Promise<number> {
  if (command !== "create")
    throw invalid(`Unknown command "token ${command}". Use "token create".`);
  const name = opts.name?.trim();
  if (!name) throw invalid("--name: give the token a name (e.g. --name backend-ci)");
  const scopes = parseScopes(opts.scope);
  // "--expires 2031-01-31" means valid through the end of that day (UTC); absent: one year.
  const expiresAt = opts.expires ? endOfIsoDay(opts.expires) : null;
  if (opts.expires && !expiresAt) throw invalid("--expires: use YYYY-MM-DD");
  if (expiresAt && expiresAt <= new Date()) throw invalid("--expires: that day has passed");
  const evidences = (opts.evidences ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const { id, token } = await createToken(CLI_ACTOR, {
    name,
    scopes,
    expiresAt,
    source: opts.source?.trim() || null,
    evidences,
  });
  const until = expiresAt ? isoDay(new Date(expiresAt.getTime() - 1)) : "one year from today";
  out(
    `Created token "${name}" (${id}) with scope ${scopes.join(", ")}, valid through ${until}. It is shown only now:`,
  );
  out(token);
  return 0;
}
