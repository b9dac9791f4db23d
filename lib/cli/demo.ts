// `npm run demo`: loads the demo workspace (embedded database: with the server stopped).
import { openDatabase } from "@/lib/db/open";
import { ensureCatalog } from "@/lib/db/bootstrap";
import { env } from "@/lib/env";
import { loadDemo } from "@/lib/demo/load-demo";

async function main(): Promise<void> {
  const e = env();
  const database = await openDatabase({ url: e.DATABASE_URL, dataDir: e.dataDir });
  try {
    await ensureCatalog(database.prisma);
    const r = await loadDemo(database.prisma, { id: null, email: "cli" });
    console.log(
      `Demo workspace loaded: ${r.controls} controls, ${r.evidence} evidence items, ${r.testRuns} test runs, ${r.auditEvents} audit events, ${r.phases} phases, ${r.backlogItems} backlog items, audit period ${r.period.start} – ${r.period.end}.`,
    );
    for (const a of r.accounts) {
      console.log(
        a.password
          ? `  ${a.role}: ${a.email}  password: ${a.password}`
          : `  ${a.role}: ${a.email} already existed and was left alone`,
      );
    }
    console.log(
      "The passwords are shown only now; change them or deactivate the accounts after the demo.",
    );
  } finally {
    await database.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
