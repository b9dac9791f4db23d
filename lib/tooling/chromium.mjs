import { existsSync } from "node:fs";
import { createRequire } from "node:module";

/** CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own downloaded browser ("playwright"). */
export function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
  ].filter(/** @returns {p is string} */ (p) => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  try {
    const { chromium } = createRequire(import.meta.url)("playwright-core");
    if (existsSync(chromium.executablePath())) return "playwright";
  } catch {
    // playwright-core not resolvable or no browser downloaded
  }
  return null;
}
