// Runs once when the server starts: opens (and on PGlite, migrates) the database, loads
// the catalog and the first administrator, so problems show at start, not on first click;
// then schedules pulls of configured result directories, and computes status once in the
// background so that Prisma's queries are prepared before the first page needs them.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { database } = await import("./lib/db");
  const { env } = await import("./lib/env");
  const db = await database();
  const { computeWorkspaceStatus } = await import("./lib/status/compute");
  void computeWorkspaceStatus(db.prisma).catch((err: unknown) =>
    console.error("[start] status warm-up:", err instanceof Error ? err.message : err),
  );
  const { TRUSTBOARD_RESULTS_ROOTS: roots, TRUSTBOARD_PULL_MINUTES: minutes } = env();
  if (roots.length > 0 && minutes > 0) {
    const { pullAllResultDirectories } = await import("./lib/collectors/test-results/directories");
    setInterval(() => void pullAllResultDirectories(db.prisma, roots), minutes * 60_000).unref();
  }
}
