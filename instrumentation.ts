// Runs once when the server starts: opens (and on PGlite, migrates) the database, loads
// the catalog and the first administrator, so problems show at start, not on first click;
// then schedules pulls of configured result directories and posture scans of configured databases, and computes status once in the
// background so that Prisma's queries are prepared before the first page needs them, and
// rehearses the ingest of generated test-result files (rolled back: nothing stored) so that the
// first upload does not pay for compiling the ingest path or for a new database connection.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { database } = await import("./lib/db");
  const { env } = await import("./lib/env");
  const { closeOnSignal } = await import("./lib/db/shutdown");
  closeOnSignal();
  await database();
  const { SYSTEM_ACTOR } = await import("./lib/auth/actor");
  const { computeWorkspaceStatus } = await import("./lib/status/compute");
  const { warmUpIngest } = await import("./lib/collectors/test-results/warm-up");
  // One after the other, so the two warm-ups do not compete for the CPU with each other.
  void computeWorkspaceStatus(SYSTEM_ACTOR)
    .catch((err: unknown) =>
      console.error("[start] status warm-up:", err instanceof Error ? err.message : err),
    )
    .then(() => warmUpIngest())
    .catch((err: unknown) =>
      console.error("[start] ingest warm-up:", err instanceof Error ? err.message : err),
    );
  const {
    TRUSTBOARD_RESULTS_ROOTS: roots,
    TRUSTBOARD_PULL_MINUTES: minutes,
    TRUSTBOARD_SCAN_MINUTES: scanMinutes,
  } = env();
  if (roots.length > 0 && minutes > 0) {
    const { pullAllResultDirectories } = await import("./lib/collectors/test-results/directories");
    // The server itself pulls; the activity log names it "scheduler".
    const scheduler = { ...SYSTEM_ACTOR, email: "scheduler" };
    const pullAll = () =>
      pullAllResultDirectories(scheduler, roots).catch((err: unknown) =>
        console.error("[pull]", err instanceof Error ? err.message : err),
      );
    setInterval(() => void pullAll(), minutes * 60_000).unref();
  }
  if (scanMinutes > 0) {
    const { scanAllTargets } = await import("./lib/scanners/postgres/run-posture-scan");
    // Scheduled posture scans are recorded as done by the "scheduler", like pulls.
    const scheduler = { ...SYSTEM_ACTOR, email: "scheduler" };
    setInterval(
      () =>
        void scanAllTargets(scheduler)
          .then((lines) => lines.forEach((l) => console.log("[scan]", l)))
          .catch((err: unknown) =>
            console.error("[scan]", err instanceof Error ? err.message : err),
          ),
      scanMinutes * 60_000,
    ).unref();
  }
}
