import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./support/accounts";

test.use({ storageState: ADMIN_STATE });

// Run times relative to now: the control counts a run only within its freshness window (7 days).
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

const junit = (timestamp: string, failing: boolean) => `<?xml version="1.0" encoding="UTF-8"?>
<testsuites>
  <testsuite name="security" tests="2" timestamp="${timestamp}">
    <testcase classname="tests.security.TestSessions" name="test_session_revoked_on_logout" time="0.2">${failing ? '<failure message="session still valid after logout">AssertionError</failure>' : ""}</testcase>
    <testcase classname="tests.misc.TestHealth" name="test_health_endpoint" time="0.1"/>
  </testsuite>
</testsuites>`;

test("upload a JUnit file, map an unmapped test, and see the control's status and trend change", async ({
  page,
}) => {
  // A control of our own, so the test does not depend on other specs.
  await page.goto("/controls/new");
  const form = page.getByTestId("control-form");
  await form.getByLabel("Title").fill("Session revocation (e2e)");
  await form.getByTestId("implementation-select").selectOption("implemented");
  await form.getByTestId("criteria-filter").fill("CC6.6");
  await form.getByTestId("criterion-CC6.6").check();
  await form.getByRole("button", { name: "Create control" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Session revocation (e2e)");
  const controlUrl = page.url();
  await expect(page.getByTestId("no-tests")).toBeVisible();

  await page.goto("/tests");
  await page.getByTestId("results-file").setInputFiles({
    name: "junit-1.xml",
    mimeType: "application/xml",
    buffer: Buffer.from(junit(daysAgo(2), true)),
  });
  await page.getByRole("button", { name: "Upload results" }).click();
  await expect(page.getByTestId("upload-status")).toContainText(
    "Ingested 2 tests: 1 passed, 1 failed",
  );
  await expect(page.getByTestId("upload-status")).toContainText("2 unmapped");

  const unmapped = page.locator(
    '[data-testid=unmapped-test][data-name="test_session_revoked_on_logout"]',
  );
  // The form opens from its own button, with the control choice focused.
  const openMap = unmapped.getByRole("button", {
    name: "Map test_session_revoked_on_logout to a control",
  });
  // Escape and Cancel close the form, and focus is back on the button that opened it.
  await openMap.click();
  await expect(unmapped.getByTestId("map-control")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(unmapped.getByTestId("map-test")).toHaveCount(0);
  await expect(openMap).toBeFocused();
  await page.keyboard.press("Enter");
  await unmapped.getByRole("button", { name: "Cancel" }).click();
  await expect(unmapped.getByTestId("map-test")).toHaveCount(0);
  await expect(openMap).toBeFocused();
  await openMap.click();
  await expect(unmapped.getByTestId("map-control")).toBeFocused();
  const option = await unmapped
    .getByTestId("map-control")
    .locator("option", { hasText: "Session revocation (e2e)" })
    .getAttribute("value");
  await unmapped.getByTestId("map-control").selectOption(option!);
  await unmapped.getByRole("button", { name: "Map", exact: true }).click();
  await expect(page.getByTestId("rules")).toContainText("test_session_revoked_on_logout");
  await expect(
    page.locator('[data-testid=unmapped-test][data-name="test_session_revoked_on_logout"]'),
  ).toHaveCount(0);
  // The mapped test has left the list: focus is on what was done.
  await expect(page.getByTestId("map-done")).toBeFocused();
  await expect(page.getByTestId("map-done")).toContainText("Rule added;");

  await page.goto(controlUrl);
  await expect(page.getByTestId("status")).toHaveAttribute("data-status", "at_risk");
  await expect(page.getByTestId("reasons")).toContainText(
    "1 of 1 mapped tests failing in the latest run: test_session_revoked_on_logout",
  );
  await expect(page.getByTestId("latest-pass-rate")).toHaveText("0% passing");
  await expect(page.getByTestId("failing-tests")).toContainText("session still valid after logout");

  // The fix lands: the next run passes, and the rule maps it on arrival.
  await page.goto("/tests");
  await page.getByTestId("results-file").setInputFiles({
    name: "junit-2.xml",
    mimeType: "application/xml",
    buffer: Buffer.from(junit(daysAgo(1), false)),
  });
  await page.getByRole("button", { name: "Upload results" }).click();
  await expect(page.getByTestId("upload-status")).toContainText("1 mapped to");

  await page.goto(controlUrl);
  await expect(page.getByTestId("latest-pass-rate")).toHaveText("100% passing");
  await expect(page.getByTestId("pass-rate-values")).toContainText("0% (0/1)");
  await expect(page.getByTestId("pass-rate-values")).toContainText("100% (1/1)");
  await expect(page.getByTestId("status")).toHaveAttribute("data-status", "met");
});

test("CI pushes results with a token created in Settings; the same file twice is one run", async ({
  page,
}) => {
  await page.goto("/settings");
  await page.getByTestId("token-form").getByLabel("Token name").fill("e2e CI");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^tb_/);

  const body = junit(daysAgo(0), false).replace("security", "pushed-by-ci");
  const post = () =>
    page.request.post("/api/v1/test-results", {
      headers: {
        Authorization: `Bearer ${token}`,
        "Content-Type": "application/xml",
        "X-Trustboard-Commit": "0a1b2c3d",
      },
      data: body,
    });
  const first = await post();
  expect(first.status()).toBe(201);
  const json = await first.json();
  expect(json.totals).toEqual({ tests: 2, passed: 2, failed: 0, errored: 0, skipped: 0, flaky: 0 });
  const second = await post();
  expect(second.status()).toBe(200);
  expect((await second.json()).runId).toBe(json.runId);
  const bad = await page.request.post("/api/v1/test-results", {
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/xml" },
    data: "<testsuite><testcase",
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/Not well-formed XML/);
  expect((await page.request.post("/api/v1/test-results", { data: body })).status()).toBe(401);

  await page.goto("/tests");
  await expect(page.getByTestId("run-row").filter({ hasText: "0a1b2c3d" })).toHaveCount(1);
});
