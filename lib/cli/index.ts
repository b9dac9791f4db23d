// `npm run cli -- <command>`: automation and first setup from the command line.
//   user add --email E --role R [--name N] [--expires YYYY-MM-DD]   (password on standard input)
//   user list
//   token create --name N [--scope test-results,audit-events,findings] [--expires YYYY-MM-DD] [--source S] [--evidences CTL-004,CC6.1]   (token printed alone on the last line)
//   package create --out FILE.zip [--from YYYY-MM-DD --to YYYY-MM-DD]
//   package verify FILE.zip [--fingerprint HEX]                     (needs no database)
// With the embedded database the server must be stopped (one process per data directory).
import { parseArgs } from "node:util";
import { database } from "@/lib/db";
import { runPackageCreate, runPackageVerify } from "./package-commands";
import { runTokenCommand } from "./token-commands";
import { runUserCommand } from "./user-commands";

const USAGE = `Usage:
  npm run cli -- user add --email E --role admin|engineer|auditor [--name N] [--expires YYYY-MM-DD] < password
  npm run cli -- user list
  npm run cli -- token create --name N [--scope test-results,audit-events,findings] [--expires YYYY-MM-DD] [--source S] [--evidences CTL-004,CC6.1]
  npm run cli -- package create --out FILE.zip [--from YYYY-MM-DD --to YYYY-MM-DD]
  npm run cli -- package verify FILE.zip [--fingerprint HEX]`;

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      expires: { type: "string" },
      scope: { type: "string" },
      source: { type: "string" },
      evidences: { type: "string" },
      out: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      fingerprint: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [group, command, target] = positionals;
  if (values.help || !["user", "token", "package"].includes(group ?? "") || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  // Checking a package reads only the ZIP: it works while the server runs, with no database.
  if (group === "package" && command === "verify")
    return runPackageVerify({ file: target, fingerprint: values.fingerprint });
  if (group === "package" && command !== "create")
    throw new Error(
      `Unknown command "package ${command}". Use "package create" or "package verify".`,
    );
  // Opened as the server opens it (migrations, catalog); the commands act as CLI_ACTOR.
  const opened = await database();
  try {
    if (group === "token") return await runTokenCommand(command, values);
    if (group === "package") return await runPackageCreate(values);
    return await runUserCommand(command, values, process.stdin);
  } finally {
    await opened.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
