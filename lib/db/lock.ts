// A PGlite data directory may be opened by one process only. Whoever opens it (server or
// CLI) leaves its PID here; a second process is refused with a message saying what to do.
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensurePrivateDir } from "@/lib/tooling/secrets";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDir(dataDir: string): () => void {
  // The data directory holds password hashes and key files: 0700.
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, "pglite.pid");
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, "utf8").trim());
    if (pid && pid !== process.pid && alive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid} (is \`npm start\` running?). ` +
          "Stop that process first, or make the change through Trustboard's web UI or HTTP API.",
      );
    }
  }
  writeFileSync(file, String(process.pid));
  const release = () => {
    try {
      if (existsSync(file) && readFileSync(file, "utf8").trim() === String(process.pid))
        rmSync(file);
    } catch {
      // Best effort at exit: a stale file is detected by the PID check above.
    }
  };
  process.once("exit", release);
  return release;
}
