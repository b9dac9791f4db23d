// The server lane of `npm run bench`: the figures only the running production server gives (the
// push over the API, page latency, the server's RSS), on a year of data. The server's mechanics
// are in bench-server.ts, the year in bench-year.ts.
import { ensureCatalog } from "../db/bootstrap";
import { freshDatabase } from "./bench-database";
import type { LaneFigures } from "./bench-figures";
import { pushBench, pushOneEvent, pushOneRun } from "./bench-push";
import { pageRun, signIn, startServer } from "./bench-server";
import { loadAverage, serve, unserve } from "./bench-util";
import { YEAR, seedYear } from "./bench-year";

/** The main pages of the page run; `:control` is one of the generated controls. */
const PAGES = [
  "/",
  "/criteria",
  "/criteria/CC6.1",
  "/controls",
  "/controls/:control",
  "/evidence",
  "/tests",
  "/audit",
  "/backlog",
  "/phases",
  "/activity",
  "/coverage",
];

/**
 * The production server on a year of data: the year (but its audit events) generated with bulk
 * SQL, the server started on it, `bodies` × `perBody` audit events pushed over the API (they
 * are the year's audit events), then each main page requested 50 times as a signed-in admin.
 */
export async function serverLane(
  name: string,
  url: string | undefined,
  bodies: number,
  perBody: number,
): Promise<Partial<LaneFigures>> {
  const email = "bench-admin@example.com";
  const password = "bench password for the page run";
  const { d, dataDir } = await freshDatabase(url);
  serve(d);
  let token: string;
  let controlId: string;
  try {
    await ensureCatalog(d.prisma);
    console.log(`${name.padEnd(11)} generating a year of data…`);
    const t = performance.now();
    const { setupFirstAdmin } = await import("../users/setup");
    const { createToken } = await import("../collectors/tokens");
    const adminId = await seedYear(d, async () => {
      await setupFirstAdmin({ email, name: "Bench admin", password });
      return (await d.prisma.user.findUniqueOrThrow({ where: { email } })).id;
    });
    const admin = {
      kind: "user" as const,
      id: adminId,
      email,
      name: "Bench admin",
      role: "admin" as const,
      accessExpiresAt: null,
    };
    token = (
      await createToken(admin, {
        name: "bench push",
        scopes: ["audit-events", "test-results"],
        expiresAt: null,
      })
    ).token;
    controlId = (await d.prisma.control.findUniqueOrThrow({ where: { ref: "YC-001" } })).id;
    console.log(
      `${name.padEnd(11)} generated ${YEAR.activity.toLocaleString("en")} activity rows, ${YEAR.runs} runs of ${YEAR.casesPerRun.toLocaleString("en")} cases, ${YEAR.evidence.toLocaleString("en")} evidence items with revisions, ${YEAR.backlog.toLocaleString("en")} backlog items in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  } finally {
    await d.close();
    unserve();
  }
  const out: Partial<LaneFigures> = {};
  const server = await startServer({
    url,
    dataDir,
    port: Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 3199),
  });
  try {
    console.log(`${name.padEnd(11)} load average before the push: ${loadAverage()}`);
    const push = await pushBench(
      server,
      token,
      bodies,
      perBody,
      url ? new URL(url).pathname.slice(1) : null,
    );
    out.pushEventsPerSec = push.eventsPerSec;
    out.pushServerRssMb = push.afterRssMb;
    console.log(
      `${name.padEnd(11)} push ${(bodies * perBody).toLocaleString("en")} audit events over the API as ${bodies} JSON Lines bodies: ${push.eventsPerSec.toLocaleString("en")} events/s (${push.eventsPerServerCpuSec.toLocaleString("en")} per CPU-second of the server${push.eventsPerBackendCpuSec === null ? "" : `, ${push.eventsPerBackendCpuSec.toLocaleString("en")} per CPU-second of its PostgreSQL backends`}); server RSS peak ${push.peakRssMb} MB, ${push.afterRssMb} MB 5 s after the last body`,
    );
    const cookie = await signIn(server.base, email, password);
    const pages = await pageRun(
      server,
      cookie,
      [
        ...PAGES.map((p) => p.replace(":control", controlId)),
        // Status (and coverage) is memoised until the data changes. Audit events arrive all
        // day: the request after one is the one users meet most (status re-reads the audit part
        // and finds it gives the same result). A test run changes what status shows: the
        // request after one computes it again.
        ...["/", "/coverage"].map((p) => ({
          path: p,
          label: `${p} after an audit event`,
          before: pushOneEvent(server, token),
        })),
        ...["/", "/coverage"].map((p) => ({
          path: p,
          label: `${p} after a test run`,
          before: pushOneRun(server, token, p),
        })),
      ],
      Number(process.env.BENCH_PAGE_TIMES ?? 50),
    );
    out.serverRssMb = server.rssMb();
    out.pagesP95Ms = Object.fromEntries(
      pages.map((p) => [p.path.replace(controlId, ":id"), p.p95]),
    );
    console.log(`${name.padEnd(11)} pages with a year of data (p50 / p95 over the requests):`);
    for (const p of pages)
      console.log(
        `${"".padEnd(11)}   ${p.path.replace(controlId, ":id").padEnd(18)} ${String(p.p50).padStart(5)} ms / ${String(p.p95).padStart(5)} ms`,
      );
    console.log(
      `${name.padEnd(11)} server RSS after the page run: ${out.serverRssMb} MB (load average ${loadAverage()})`,
    );
  } finally {
    await server.stop();
  }
  return out;
}
