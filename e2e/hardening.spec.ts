// Against the production server: every response carries the security headers (a nonce CSP on
// pages), and no page or route parameter — malformed escapes, huge numbers, NUL — yields a 5xx.
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE, ORIGIN } from "./support/accounts";

test.use({ storageState: ADMIN_STATE });

test("every response carries the security headers; pages a fresh nonce CSP", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  const nonces = new Set<string>();
  for (const path of ["/", "/backlog", "/criteria/CC6.1", "/activity"]) {
    const res = await page.goto(path);
    const h = res!.headers();
    const csp = h["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    nonces.add(nonce!);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("same-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    // Plain HTTP: no HSTS (it would pin a name to HTTPS that does not serve it).
    expect(h["strict-transport-security"]).toBeUndefined();
    // Next.js put the nonce on its scripts, so the page still works under the policy.
    const scripts = await page
      .locator("script[src]")
      .evaluateAll((s) => s.map((e) => (e as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    for (const n of scripts) expect(n).toBe(nonce);
  }
  expect(nonces.size).toBe(4);
  expect(violations).toEqual([]);

  const api = await page.request.post("/api/export/controls", { headers: { origin: ORIGIN } });
  expect(api.status()).toBe(200);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  // The token API is outside the proxy (so Next.js does not copy pushed bodies): its route
  // helper and next.config.ts set the same headers, HSTS included behind a TLS proxy.
  for (const path of ["/api/v1/audit-events", "/api/v1/findings", "/api/v1/test-results"]) {
    const res = await page.request.post(path, {
      data: "{}",
      headers: { "X-Forwarded-Proto": "https" },
    });
    expect(res.status(), path).toBe(401);
    const h = res.headers();
    expect(h["content-security-policy"], path).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    );
    expect(h["x-content-type-options"], path).toBe("nosniff");
    expect(h["x-frame-options"], path).toBe("DENY");
    expect(h["strict-transport-security"], path).toContain("max-age=31536000");
    const plain = await page.request.post(path, { data: "{}" });
    expect(plain.headers()["strict-transport-security"], path).toBeUndefined();
  }
  const unknown = await page.request.get("/api/v1/nothing-here");
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()["content-security-policy"]).toContain("default-src 'none'");
  const css = await page.locator("link[rel=stylesheet]").first().getAttribute("href");
  const asset = await page.request.get(css!);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");

  // Behind a TLS-terminating proxy: HSTS, and next-auth's cookies become Secure.
  const https = await page.request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
  expect(https.headers()["strict-transport-security"]).toContain("max-age=31536000");
  const csrf = await page.request.get("/api/auth/csrf", {
    headers: { "X-Forwarded-Proto": "https" },
  });
  expect(csrf.headers()["set-cookie"]).toMatch(/; Secure/);
});

test("recorded downloads are same-origin POSTs; their GET answers 405 and records nothing", async ({
  page,
}) => {
  const get = await page.request.get("/api/export/controls");
  expect(get.status()).toBe(405);
  expect(get.headers()["allow"]).toBe("POST");
  expect((await get.json()).error).toMatch(/downloaded with POST/);
  // A form on another site cannot make the signed-in browser download (and record) it.
  for (const origin of ["https://evil.example", undefined]) {
    const res = await page.request.post("/api/export/controls", {
      headers: origin ? { origin } : {},
    });
    expect(res.status(), String(origin)).toBe(403);
  }
  const ok = await page.request.post("/api/export/controls", { headers: { origin: ORIGIN } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()["content-disposition"]).toMatch(/^attachment;/);
});

test("the inputs that once answered 500 answer 400 or 404", async ({ page }) => {
  const dashes = "-".repeat(36);
  const cases: [string, number][] = [
    [`/evidence/${dashes}`, 404],
    [`/controls/${dashes}`, 404],
    ["/criteria/%E0%A4%A", 400],
    ["/backlog/%E0%A4%A", 400],
    ["/backlog/BL-1%00", 404],
    ["/api/v1/%E0%A4%A", 404],
    ["/login?reason=constructor", 307],
  ];
  for (const [path, status] of cases) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(status);
  }
  const huge = await page.request.post(
    "/api/evidence/00000000-0000-4000-8000-000000000000/revisions/9999999999999999999",
    { headers: { origin: ORIGIN } },
  );
  expect(huge.status()).toBe(404);
  const old = await page.request.get(`/activity?before=${"1".repeat(27)}`);
  expect(old.status()).toBe(200);
  const sample = await page.request.post(
    `/api/audit/sample?criterion=CC6.1&action=${encodeURIComponent("x\"; filename*=UTF-8''evil.html €")}&from=2026-01-01&to=2026-01-31`,
    { headers: { origin: ORIGIN } },
  );
  expect(sample.status()).toBe(200);
  expect(sample.headers()["content-disposition"]).toMatch(
    /^attachment; filename="[^"\\;=*]*"; filename\*=UTF-8''[^\s;"]*$/,
  );
});

/** A path segment: valid or malformed %-escapes, huge numbers, NUL, anything printable. */
const segment = fc.oneof(
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
  fc.constantFrom("%E0%A4%A", "%", "%zz", "%00", "-".repeat(36), "9".repeat(27), "..", "%2F"),
  fc.uuid().map(String),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
  fc.stringMatching(/^[A-Za-z0-9%.\-_~]{0,30}$/),
);
const value = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom("%00", "%E0%A4%A", "9".repeat(27), "constructor", "__proto__", "1e308", ""),
);
const query = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        "before",
        "action",
        "actor",
        "entity",
        "from",
        "to",
        "priority",
        "status",
        "owner",
        "criterion",
        "overdue",
        "n",
        "seed",
        "control",
        "denied",
        "reason",
        "q",
        "kind",
        "state",
        "sort",
        "dir",
        "page",
      ),
      value,
    ),
    { maxLength: 4 },
  )
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join("&"));

const PAGES = [
  (s: string) => `/evidence/${s}`,
  (s: string) => `/controls/${s}`,
  (s: string) => `/criteria/${s}`,
  (s: string) => `/backlog/${s}`,
  (s: string) => `/backlog/${s}/edit`,
  (s: string) => `/phases/${s}`,
  (s: string) => `/phases/${s}/edit`,
  (s: string) => `/api/evidence/${s}/revisions/1`,
  (s: string) => `/api/evidence/00000000-0000-4000-8000-000000000000/revisions/${s}`,
  (s: string) => `/api/export/${s}`,
];
const SEARCH = [
  "/",
  "/evidence",
  "/activity",
  "/audit",
  "/backlog",
  "/login",
  "/controls/new",
  "/evidence/new",
  "/api/audit/sample",
  "/api/backlog/export",
];

test("no page or route parameter yields a 5xx (property-based)", async ({ page }) => {
  test.setTimeout(300_000);
  const runs = Number(process.env.FUZZ_RUNS ?? 60);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...PAGES),
      segment,
      fc.constantFrom(...SEARCH),
      query,
      async (pathOf, seg, searchPath, q) => {
        for (const path of [pathOf(seg), `${searchPath}?${q}`]) {
          const res = await page.request.get(path, { maxRedirects: 0 });
          expect(res.status(), path).toBeLessThan(500);
          // Recorded downloads are POSTs (their GET answers 405): fuzz those too.
          if (path.startsWith("/api/")) {
            const posted = await page.request.post(path, {
              headers: { origin: ORIGIN },
              maxRedirects: 0,
            });
            expect(posted.status(), `POST ${path}`).toBeLessThan(500);
          }
        }
      },
    ),
    { numRuns: runs },
  );
});
