// Stopping the server (SIGTERM from a supervisor, SIGINT from Ctrl-C) when `npm start` asked
// Next.js to leave signals to us (NEXT_MANUAL_SIG_HANDLE): the database is closed before the
// process exits, so PGlite's data directory is left clean. Work in flight is in transactions:
// a batch either committed (with its cursor) or is rolled back, and the next pull resumes from
// the stored cursor. Whatever happens, the process is gone within a few seconds.
const CLOSE_WITHIN_MS = 5_000;

type Holder = typeof globalThis & {
  __trustboardDb?: Promise<{ close(): Promise<void> }>;
  __trustboardShutdown?: boolean;
};

export function closeOnSignal(): void {
  const holder = globalThis as Holder;
  if (!process.env.NEXT_MANUAL_SIG_HANDLE || holder.__trustboardShutdown) return;
  holder.__trustboardShutdown = true;
  const exit = (signal: NodeJS.Signals) => async () => {
    setTimeout(() => process.exit(1), CLOSE_WITHIN_MS).unref();
    try {
      const opened = holder.__trustboardDb;
      holder.__trustboardDb = undefined;
      if (opened) await (await opened).close();
    } catch (err) {
      console.error("[stop] closing the database:", err instanceof Error ? err.message : err);
    }
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGTERM", exit("SIGTERM"));
  process.once("SIGINT", exit("SIGINT"));
}
