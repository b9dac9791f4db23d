// The production server's Next.js configuration, read from the build rather than from
// next.config.ts. To read next.config.ts, `next start` compiles it with SWC, Next.js's native
// compiler: a 100 MB shared library of which about 28 MB stayed resident in every server for
// good (issue 10, docs/performance-log.md). The build already wrote the resolved configuration to
// .next/required-server-files.json; Next.js's own standalone server starts from that file by
// handing it over in __NEXT_PRIVATE_STANDALONE_CONFIG, and `npm start` does the same. The build
// is redone whenever next.config.ts or package.json (so Next.js itself) changes (build-state.ts),
// so the file always matches both the configuration and the Next.js that serves it.
import { readFileSync } from "node:fs";
import path from "node:path";

export const BUILT_CONFIG_VAR = "__NEXT_PRIVATE_STANDALONE_CONFIG";

/** The variable for the `next start` child; none (Next.js reads next.config.ts) without a build. */
export function builtConfigEnv(root: string): Record<string, string> {
  try {
    const file = path.join(root, ".next", "required-server-files.json");
    const { config } = JSON.parse(readFileSync(file, "utf8")) as { config?: unknown };
    if (config && typeof config === "object") return { [BUILT_CONFIG_VAR]: JSON.stringify(config) };
  } catch {
    // No readable build file: `next start` falls back to next.config.ts, as before.
  }
  return {};
}
