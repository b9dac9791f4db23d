// Issue 10, point 7: a GET request never writes to the activity log — not a page, not a route
// handler, not a refused one. An administrator walks every page (every page file without a
// dynamic segment, then every same-origin link found on the pages, so the dynamic pages of the
// records earlier specs made are walked too) and every route handler's GET; an auditor then
// asks for the same addresses, admin-only ones included (refused, not recorded). The log's
// newest entry must be the same before and after.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STATE, AUDITOR } from "./support/accounts";
import { signInOk } from "./support/session";

const APP = path.resolve("app");

/** Page and route files under app/, as URL paths ("(group)" folders dropped). */
function files(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(path.join(dir, e.name), name)
      : e.name === name
        ? [
            "/" +
              path
                .relative(APP, dir)
                .split(path.sep)
                .filter((s) => s && !/^\(.*\)$/.test(s))
                .join("/"),
          ]
        : [],
  );
}

/** A placeholder for a dynamic segment: a well-formed id that names nothing (answers 404). */
const fill = (p: string) =>
  p
    .replace("[...nextauth]", "session")
    .replace(/\[(id|token)\]/g, "00000000-0000-4000-8000-000000000000")
    .replace(/\[number\]/g, "1")
    .replace(/\[key\]/g, "BL-999999")
    .replace(/\[table\]/g, "controls");

/** The newest activity entry's sequence number, as the activity page shows it. */
async function head(page: Page): Promise<number> {
  await page.goto("/activity");
  return Number(await page.getByTestId("activity-row").first().locator("td").first().innerText());
}

/** Entries newer than `seq` (seq, actor, action), from the activity page. */
async function since(page: Page, seq: number): Promise<string[]> {
  await page.goto("/activity");
  const rows = await page
    .getByTestId("activity-row")
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent?.trim() ?? "")),
    );
  return rows
    .filter((cells) => Number(cells[0]) > seq)
    .map((cells) => `${cells[0]} ${cells[2]} ${cells[3]}`);
}

test.describe.configure({ timeout: 600_000 });

test("walking every page and GET route handler, signed in, leaves the activity log as it was", async ({
  browser,
}) => {
  const admin = await (await browser.newContext({ storageState: ADMIN_STATE })).newPage();
  const auditor = await (await browser.newContext()).newPage();
  // Signing in writes (a POST); it happens before the walk starts.
  await signInOk(auditor, AUDITOR.email, AUDITOR.password);
  const before = await head(admin);

  const pages = files(APP, "page.tsx").filter((p) => !p.includes("["));
  // Paths are relative to app/, so they already start with /api.
  const routes = files(path.join(APP, "api"), "route.ts").map(fill);
  const seen = new Set<string>();
  const queue = [...pages];
  const statuses = new Map<string, number>();
  while (queue.length > 0 && seen.size < 120) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await admin.goto(url);
    statuses.set(url, res?.status() ?? 0);
    const links = await admin
      .locator("a[href^='/']")
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href") ?? ""));
    for (const href of links) {
      const next = href.split("#")[0]!;
      if (next && !next.startsWith("/api/auth/") && !seen.has(next)) queue.push(next);
    }
  }
  for (const url of routes) {
    const res = await admin.request.get(url, { maxRedirects: 0 });
    statuses.set(`GET ${url}`, res.status());
  }
  // The auditor asks for every address the administrator saw: some are refused (settings actions,
  // package progress), none is recorded.
  for (const url of [...seen, ...routes]) {
    const res = await auditor.request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBeLessThan(500);
  }

  // The walk reached the dynamic pages and the recorded downloads' old GET addresses.
  expect(seen.size).toBeGreaterThan(pages.length);
  expect([...seen].some((u) => /^\/(evidence|controls)\/[0-9a-f-]{36}$/.test(u))).toBe(true);
  expect(statuses.get("GET /api/export/controls")).toBe(405);
  for (const [url, status] of statuses) expect(status, url).toBeLessThan(500);

  // Scheduled pulls (instrumentation.ts) are the server's own writes, not a request's.
  const grown = (await since(admin, before)).filter((r) => !/\.pull$/.test(r));
  expect(grown).toEqual([]);
});
