import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./support/accounts";

test.use({ storageState: ADMIN_STATE });

const DAY = 86_400_000;

test("import audit events, expect an event type on a control, and see the silence reason", async ({
  page,
}) => {
  await page.goto("/controls/new");
  const form = page.getByTestId("control-form");
  await form.getByLabel("Title").fill("Failed login monitoring (e2e)");
  await form.getByTestId("implementation-select").selectOption("implemented");
  await form.getByTestId("criteria-filter").fill("CC7.2");
  await form.getByTestId("criterion-CC7.2").check();
  await form.getByRole("button", { name: "Create control" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    "Failed login monitoring (e2e)",
  );
  const controlUrl = page.url();

  // The application's log: logins keep coming, failed logins stopped 31 days ago.
  const lines = [
    ...Array.from({ length: 5 }, (_, i) => ({
      timestamp: new Date(Date.now() - (i + 1) * DAY).toISOString(),
      action: "login",
      user_email: `u${i}@x.io`,
    })),
    {
      timestamp: new Date(Date.now() - 31 * DAY).toISOString(),
      action: "login_failed",
      user_email: "u9@x.io",
      ip_address: "203.0.113.9",
    },
  ];
  await page.goto("/audit");
  await page.getByTestId("events-file").setInputFiles({
    name: "audit.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(lines.map((l) => JSON.stringify(l)).join("\n")),
  });
  await page.getByRole("button", { name: "Import events" }).click();
  await expect(page.getByTestId("events-status")).toContainText("6 events read: 6 stored");

  await page.goto(controlUrl);
  await page.getByTestId("expected-action").fill("login_failed");
  await page.getByTestId("expected-days").fill("7");
  await page.getByRole("button", { name: "Expect" }).click();
  await expect(page.getByTestId("expected-status")).toContainText(
    "Expecting `login_failed` at least every 7 day(s).",
  );
  const since = new Date(Date.now() - 31 * DAY).toISOString().slice(0, 10);
  await page.reload();
  await expect(page.getByTestId("reasons")).toContainText(
    `No \`login_failed\` events since ${since} (silence tolerated: 7 days)`,
  );
  await expect(page.getByTestId("status")).not.toHaveAttribute("data-status", "met");

  // The finding becomes a backlog item of origin "collector", linked to the control.
  await expect(page.getByTestId("control-backlog")).toContainText("No `login_failed` events since");
  await page
    .getByTestId("track-finding-0")
    .getByRole("button", { name: "Track as a backlog item" })
    .click();
  await expect(page).toHaveURL(/\/backlog\/BL-\d+$/);
  await expect(
    page.getByText(/A collector finding — No `login_failed` events since/),
  ).toBeVisible();
  await page.goto(controlUrl);
  await expect(
    page.getByTestId("control-backlog").getByRole("link", { name: /^BL-\d+$/ }),
  ).toHaveCount(1);
  await expect(page.getByTestId("track-finding-0")).toHaveCount(0);

  // An auditor-style sample of the population, reproducible by its seed.
  await page.goto("/audit");
  await page.getByTestId("sample-action").selectOption("login");
  await page.getByTestId("sample-seed").fill("e2e-seed");
  await page.getByRole("button", { name: "Draw sample" }).click();
  await expect(page.getByTestId("population")).toHaveText("5");
  await expect(page.getByTestId("seed")).toHaveText("e2e-seed");
  const first = await page.getByTestId("sample-rows").textContent();
  await page.reload();
  await expect(page.getByTestId("sample-rows")).toHaveText(first!);
});
