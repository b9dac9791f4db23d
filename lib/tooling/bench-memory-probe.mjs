// Loaded into the measured server with NODE_OPTIONS=--import (bench-hostile-server.ts): on
// SIGUSR2 it writes Node.js's own view of its memory to $TB_MEMORY_PROBE_DIR/<pid>.json. Nothing
// runs until the signal, so the figures are the server's own.
import { writeFileSync } from "node:fs";
import path from "node:path";
import v8 from "node:v8";

const dir = process.env.TB_MEMORY_PROBE_DIR;
if (dir) {
  process.on("SIGUSR2", () => {
    const spaces = Object.fromEntries(
      v8.getHeapSpaceStatistics().map((s) => [s.space_name, s.physical_space_size]),
    );
    writeFileSync(
      path.join(dir, `${process.pid}.json`),
      JSON.stringify({ usage: process.memoryUsage(), spaces, title: process.title }),
    );
  });
}
