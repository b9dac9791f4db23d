import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STATE } from "./support/accounts";

// A weekly control whose evidence skips a month shows an uncovered interval on /coverage, and
// the gap disappears once dated evidence for that month is added. Dates are computed from today.
const CONTROL = "Weekly access log review (e2e)";
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

test.describe.configure({ mode: "serial" });

async function setPeriod(page: Page, start: string, end: string) {
  await page.goto("/settings");
  const form = page.getByTestId("period-form");
  await form.getByLabel("Audit period starts").fill(start);
  await form.getByLabel("Audit period ends").fill(end);
  await form.getByRole("button", { name: "Save period" }).click();
  await expect(page.getByTestId("period-status")).toBeVisible();
}

async function addAcceptedEvidence(page: Page, title: string, from: number, to: number) {
  await page.goto("/evidence/new");
  const ev = page.getByTestId("evidence-form");
  await ev.getByLabel("Title").fill(title);
  await ev.getByTestId("kind-note").check();
  await ev.getByRole("textbox", { name: "Note" }).fill("Access log reviewed weekly; minutes kept.");
  await ev.getByLabel("Evidence date (when it happened)").fill(daysAgo(to));
  await ev.getByLabel("Covers from (optional)").fill(daysAgo(from));
  await ev.getByLabel("Covers to (optional)").fill(daysAgo(to));
  const option = await ev
    .getByTestId("evidence-controls")
    .locator("option", { hasText: CONTROL })
    .getAttribute("value");
  await ev.getByTestId("evidence-controls").selectOption(option!);
  await ev.getByTestId("submit-evidence").click();
  await expect(page.getByTestId("review-state")).toHaveText("In review");
  await page.getByTestId("accept-evidence").click();
  await expect(page.getByTestId("review-status")).toHaveText("Evidence accepted.");
}

test("a month without evidence of a weekly control is a gap on /coverage until evidence for it is added", async ({
  browser,
}) => {
  const page = await browser.newPage({ storageState: ADMIN_STATE });
  await setPeriod(page, daysAgo(120), daysAgo(-30));
  try {
    await page.goto("/controls/new");
    const form = page.getByTestId("control-form");
    await form.getByLabel("Title").fill(CONTROL);
    await form.getByTestId("implementation-select").selectOption("implemented");
    await form.getByTestId("frequency-select").selectOption("weekly");
    await form.getByTestId("criterion-CC2.1").check();
    await form.getByRole("button", { name: "Create control" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(CONTROL);
    const controlUrl = page.url();

    // Reviews covering days 120–70 ago and 35 days ago to today: the weeks between are missing.
    await addAcceptedEvidence(page, "Access log reviews, first months (e2e)", 120, 70);
    await addAcceptedEvidence(page, "Access log reviews, last month (e2e)", 35, 0);

    await page.goto("/coverage?frequency=weekly");
    const row = page.getByTestId("coverage-row").filter({ hasText: CONTROL });
    await expect(row.getByTestId("coverage-gaps")).toContainText(
      /^No evidence \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/,
    );
    await expect(row.locator('[data-state="uncovered"]').first()).toBeVisible();
    expect(await row.locator('[data-state="uncovered"]').count()).toBeGreaterThanOrEqual(4);
    // Each cell is an image named by its text; the same map reads as text once opened.
    await expect(row.getByRole("img", { name: /: uncovered — no evidence/ }).first()).toBeVisible();
    await expect(page.getByTestId("coverage-text")).toHaveCount(0);
    await page.getByText("The heat map as text").click();
    const asText = page.getByTestId("coverage-text").locator(":scope > li", { hasText: CONTROL });
    await expect(asText).toContainText(/\d+% coverage/);
    await expect(asText).toContainText(
      /\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}: uncovered — no evidence/,
    );
    await expect(row.getByTestId("coverage-percent")).not.toHaveText("100%");

    // The control's page says so too: at risk, naming the interval.
    await page.goto(controlUrl);
    await expect(page.getByTestId("status")).toHaveAttribute("data-status", "at_risk");
    await expect(page.getByTestId("reasons")).toContainText("No evidence");
    await expect(page.getByTestId("coverage-summary")).toContainText("Weekly (set on the control)");

    // Dated evidence for the missing month closes the gap.
    await addAcceptedEvidence(page, "Access log reviews, the missing month (e2e)", 70, 35);
    await page.goto("/coverage?frequency=weekly");
    await expect(row.getByTestId("coverage-percent")).toHaveText("100%");
    await expect(row.getByTestId("coverage-gaps")).toHaveCount(0);
    await expect(row.locator('[data-state="uncovered"]')).toHaveCount(0);
    await page.goto(controlUrl);
    await expect(page.getByTestId("status")).toHaveAttribute("data-status", "met");

    // Leave the workspace as the other specs expect it: the control archived.
    page.once("dialog", (d) => d.accept());
    await page.getByTestId("archive-control").click();
    await expect(page.getByTestId("archive-control")).toHaveText("Restore");
  } finally {
    await setPeriod(page, "", "");
  }
});
