// Runs once when the server starts: opens (and on PGlite, migrates) the database, loads
// the catalog and the first administrator, so problems show at start, not on first click.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { database } = await import("./lib/db");
  await database();
}
