// Decides whether `npm start` must (re)build: a fingerprint of the sources that go into
// the production build, compared with the one stored beside the last successful build.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "prisma/schema.prisma",
  "package.json",
  "next.config.ts",
  "postcss.config.mjs",
  "instrumentation.ts",
  "proxy.ts",
];
const SKIP = new Set(["node_modules", "generated", "tooling", ".next"]);

function walk(root: string, rel: string, out: string[]): void {
  const full = path.join(root, rel);
  if (!existsSync(full)) return;
  const st = statSync(full);
  if (st.isFile()) {
    out.push(`${rel}:${st.size}:${st.mtimeMs}`);
    return;
  }
  for (const name of readdirSync(full).sort()) {
    if (SKIP.has(name) || name.endsWith(".test.ts")) continue;
    walk(root, path.join(rel, name), out);
  }
}

export function sourceFingerprint(root: string): string {
  const parts: string[] = [];
  for (const s of SOURCES) walk(root, s, parts);
  return createHash("sha256").update(parts.join("\n")).digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "trustboard-build.txt");

export function buildIsCurrent(root: string): boolean {
  return (
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile(root)) &&
    readFileSync(stampFile(root), "utf8") === sourceFingerprint(root)
  );
}

export function markBuilt(root: string): void {
  writeFileSync(stampFile(root), sourceFingerprint(root));
}
