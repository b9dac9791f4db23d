import { expect, type Page } from "@playwright/test";

// Specs that watch a criterion's status move start from "met": a control on that criterion with a
// note accepted as its evidence. Each spec uses a criterion no other spec touches.
export async function createControlWithAcceptedNote(
  page: Page,
  opts: { control: string; criterion: string; evidence: string; note: string },
) {
  await page.goto("/controls/new");
  const form = page.getByTestId("control-form");
  await form.getByLabel("Title").fill(opts.control);
  await form.getByTestId("implementation-select").selectOption("implemented");
  await form.getByTestId(`criterion-${opts.criterion}`).check();
  await form.getByRole("button", { name: "Create control" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(opts.control);

  await page.goto("/evidence/new");
  const ev = page.getByTestId("evidence-form");
  await ev.getByLabel("Title").fill(opts.evidence);
  await ev.getByTestId("kind-note").check();
  await ev.getByLabel("Note", { exact: true }).fill(opts.note);
  const option = await ev
    .getByTestId("evidence-controls")
    .locator("option", { hasText: opts.control })
    .getAttribute("value");
  await ev.getByTestId("evidence-controls").selectOption(option!);
  await ev.getByTestId("submit-evidence").click();
  await page.getByTestId("accept-evidence").click();
  await expect(page.getByTestId("review-status")).toHaveText("Evidence accepted.");
}
