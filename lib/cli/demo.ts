// `npm run demo`: loads the demo workspace (embedded database: with the server stopped).
import { database } from "@/lib/db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { loadDemo } from "@/lib/demo/load-demo";

async function main(): Promise<void> {
  const opened = await database();
  try {
    const r = await loadDemo(CLI_ACTOR);
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
    await opened.close();
  }
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
