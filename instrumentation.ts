// Runs once when the server starts: opens (and on PGlite, migrates) the database, loads
// the catalog and the first administrator, so problems show at start, not on first click;
// then schedules pulls of configured result directories.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { database } = await import("./lib/db");
  const { env } = await import("./lib/env");
  const db = await database();
  const { TRUSTBOARD_RESULTS_ROOTS: roots, TRUSTBOARD_PULL_MINUTES: minutes } = env();
  if (roots.length > 0 && minutes > 0) {
    const { pullAllResultDirectories } = await import("./lib/collectors/test-results/directories");
    setInterval(() => void pullAllResultDirectories(db.prisma, roots), minutes * 60_000).unref();
  }
}
