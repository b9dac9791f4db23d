// The bench's pushes over the API: the push figure (10 JSON Lines bodies of audit events), and
// the changes ahead of a page request (one audit event, one test run).
import type { BenchServer } from "./bench-server";
import { backendCpuSampler, perSec } from "./bench-util";

const ACTIONS = ["login", "logout", "login_failed", "permission_changed", "access_denied"];
const YEAR_S = 365 * 86_400;

/** Body `b` of a push: `n` JSON Lines events spread over the past year, unique across bodies. */
export function pushBody(b: number, n: number, now: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const g = b * n + i;
    lines.push(
      JSON.stringify({
        timestamp: new Date(now - ((g * 31) % YEAR_S) * 1000).toISOString(),
        action: ACTIONS[g % ACTIONS.length],
        user_email: `user${g % 5000}@example.com`,
        ip_address: `10.${g % 250}.0.1`,
        organization_id: `org${g % 40}`,
        request_id: `req-${g}`,
      }),
    );
  }
  return lines.join("\n") + "\n";
}

export interface PushFigures {
  eventsPerSec: number;
  /** Events per CPU-second of the server (PostgreSQL's own work not included). */
  eventsPerServerCpuSec: number;
  /** Events per CPU-second of the PostgreSQL backends serving the server (null on PGlite). */
  eventsPerBackendCpuSec: number | null;
  peakRssMb: number;
  afterRssMb: number;
}

/**
 * Posts `bodies` bodies of `n` events to /api/v1/audit-events; only the requests are timed. On
 * PostgreSQL (`pgDatabase`, the database's name) the CPU of its backends is counted too.
 */
export async function pushBench(
  server: BenchServer,
  token: string,
  bodies: number,
  n: number,
  pgDatabase: string | null,
): Promise<PushFigures> {
  const now = Date.now();
  const backends = pgDatabase ? backendCpuSampler(pgDatabase) : null;
  let ms = 0;
  let cpu = 0;
  let peak = server.rssMb();
  const timer = setInterval(() => (peak = Math.max(peak, server.rssMb())), 250);
  try {
    for (let b = 0; b < bodies; b++) {
      const body = pushBody(b, n, now);
      const t = performance.now();
      const c = server.cpuSeconds();
      const r = await fetch(`${server.base}/api/v1/audit-events`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
        body,
      });
      const result = (await r.json()) as { stored?: number; error?: string };
      ms += performance.now() - t;
      cpu += server.cpuSeconds() - c;
      if (r.status !== 201 || result.stored !== n)
        throw new Error(`push ${b + 1} answered ${r.status}: ${JSON.stringify(result)}`);
    }
  } finally {
    clearInterval(timer);
  }
  const backendCpu = backends?.stop() ?? null;
  peak = Math.max(peak, server.rssMb());
  // What the server keeps once the pushes are over (after a moment for the collector).
  await new Promise((r) => setTimeout(r, 5_000));
  return {
    eventsPerSec: perSec(bodies * n, ms),
    eventsPerServerCpuSec: Math.round((bodies * n) / Math.max(cpu, 0.01)),
    eventsPerBackendCpuSec:
      backendCpu === null ? null : Math.round((bodies * n) / Math.max(backendCpu, 0.01)),
    peakRssMb: peak,
    afterRssMb: server.rssMb(),
  };
}

/**
 * A change status depends on, as users make them all day: one audit event pushed over the API
 * (audit events move the data version status is memoised on, lib/status/status-memo.ts).
 */
export function pushOneEvent(server: BenchServer, token: string): () => Promise<void> {
  let n = 0;
  return async () => {
    const event = {
      timestamp: new Date().toISOString(),
      action: "login",
      user_email: "bench-change@example.com",
      request_id: `bench-change-${process.pid}-${Date.now()}-${n++}`,
    };
    const r = await fetch(`${server.base}/api/v1/audit-events`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
      body: JSON.stringify(event) + "\n",
    });
    if (r.status !== 201) throw new Error(`push of one event answered ${r.status}`);
    await r.arrayBuffer();
  };
}

/**
 * A change status shows: a nightly-style test run with one case mapped to a year control, failing
 * every other time (the control's status moves between at risk and not), uploaded over the API.
 */
export function pushOneRun(server: BenchServer, token: string, tag: string): () => Promise<void> {
  let n = 0;
  return async () => {
    n++;
    const outcome = n % 2 ? '<failure message="bench change"/>' : "";
    const xml = `<?xml version="1.0"?>
<testsuite name="bench-change" tests="1" timestamp="${new Date().toISOString().slice(0, 19)}">
  <properties><property name="control" value="YC-005"/></properties>
  <testcase classname="bench.change" name="test_change${tag.replace(/\W+/g, "_")}_${n}">${outcome}</testcase>
</testsuite>
`;
    const r = await fetch(`${server.base}/api/v1/test-results`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/xml" },
      body: xml,
    });
    if (r.status !== 201) throw new Error(`upload of one test run answered ${r.status}`);
    await r.arrayBuffer();
  };
}
