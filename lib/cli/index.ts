// `npm run cli -- <command>`: automation and first setup from the command line.
//   user add --email E --role R [--name N] [--expires YYYY-MM-DD]   (prints an invitation link)
//   user add … --password-stdin                                      (password on standard input)
//   user reset --email E                                             (prints a reset link)
//   user list
//   token create --name N [--scope test-results,audit-events,findings] [--expires YYYY-MM-DD] [--source S] [--evidences CTL-004,CC6.1]   (token printed alone on the last line)
//   package create --out FILE.zip [--from YYYY-MM-DD --to YYYY-MM-DD]
//   package verify FILE.zip [--fingerprint HEX]                     (needs no database)
//   scan code --path DIR [--tenant-columns a,b] [--json] [--sarif FILE] [--no-record]
//   scan postgres --url URL [--tenant-columns a,b] [--json] [--dry-run]   (--dry-run: no database)
// With the embedded database the server must be stopped (one process per data directory).
import { parseArgs } from "node:util";

// Each command's modules are imported when it runs: a package build does not carry the code
// scanner, the posture scan or password hashing (issue 12 measures the packaging process's
// peak memory).
const packageCommands = () => import("./package-commands");
const scanCommands = () => import("./scan-commands");
const scanCode = () => import("./scan-code-command");

const USAGE = `Usage:
  npm run cli -- user add --email E --role admin|engineer|auditor [--name N] [--expires YYYY-MM-DD]
  npm run cli -- user add … --password-stdin < password
  npm run cli -- user reset --email E
  npm run cli -- user list
  npm run cli -- token create --name N [--scope test-results,audit-events,findings] [--expires YYYY-MM-DD] [--source S] [--evidences CTL-004,CC6.1]
  npm run cli -- package create --out FILE.zip [--from YYYY-MM-DD --to YYYY-MM-DD]
  npm run cli -- package verify FILE.zip [--fingerprint HEX]
  npm run cli -- scan postgres --url URL [--tenant-columns a,b] [--json] [--dry-run]
  npm run cli -- scan code --path DIR [--tenant-columns a,b] [--json] [--sarif FILE] [--no-record]`;

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
      path: { type: "string" },
      url: { type: "string" },
      "tenant-columns": { type: "string" },
      json: { type: "boolean" },
      sarif: { type: "string" },
      "no-record": { type: "boolean" },
      "dry-run": { type: "boolean" },
      "password-stdin": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [group, command, target] = positionals;
  if (values.help || !["user", "token", "package", "scan"].includes(group ?? "") || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  // Checking a package reads only the ZIP: it works while the server runs, with no database.
  if (group === "package" && command === "verify")
    return (await packageCommands()).runPackageVerify({
      file: target,
      fingerprint: values.fingerprint,
    });
  if (group === "package" && command !== "create")
    throw new Error(
      `Unknown command "package ${command}". Use "package create" or "package verify".`,
    );
  // Printing the code audit without recording it, or a posture scan's dry run, needs no database.
  if (group === "scan" && command === "code" && values["no-record"])
    return (await scanCode()).runScanCode({ ...values, record: false });
  if (group === "scan" && command !== "code") {
    const { needsDatabase, runScanCommand } = await scanCommands();
    if (!needsDatabase(values)) return runScanCommand(command, values);
  }
  // Opened as the server opens it (migrations, catalog); the commands act as CLI_ACTOR.
  const { database } = await import("@/lib/db");
  const opened = await database();
  try {
    if (group === "token")
      return await (await import("./token-commands")).runTokenCommand(command, values);
    if (group === "package") return await (await packageCommands()).runPackageCreate(values);
    if (group === "scan" && command === "code")
      return await (await scanCode()).runScanCode({ ...values, record: true });
    if (group === "scan") return await (await scanCommands()).runScanCommand(command, values);
    return await (await import("./user-commands")).runUserCommand(command, values, process.stdin);
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
