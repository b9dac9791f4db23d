import { expect, test } from "@playwright/test";
import { ADMIN_STATE, AUDITOR, isoDay } from "./support/accounts";
import { signInOk } from "./support/session";

test("an auditor reads criteria and the activity log", async ({ page }) => {
  await signInOk(page, AUDITOR.email, AUDITOR.password);
  await expect(page.getByTestId("current-role")).toHaveText("Auditor (read-only)");
  await page.getByRole("navigation").getByRole("link", { name: "Criteria" }).click();
  await expect(page.getByTestId("table-count")).toHaveText("61 of 61");
  await page.getByTestId("table-search").fill("CC6.1");
  await expect(page.getByTestId("table-row")).toHaveCount(1);
  await page.getByRole("link", { name: "CC6.1" }).click();
  await expect(page.getByTestId("requirement")).toContainText("logical access security software");
  await page.getByRole("navigation").getByRole("link", { name: "Activity log" }).click();
  await expect(page.getByTestId("activity-row").first()).toBeVisible();
});

test("an auditor's change is refused by the server action itself, and nothing changes", async ({
  page,
}) => {
  await signInOk(page, AUDITOR.email, AUDITOR.password);
  await page.goto("/settings");
  const form = page.getByTestId("scope-form");
  await expect(form.getByRole("button", { name: "Save scope" })).toHaveCount(0);
  await expect(page.getByTestId("scope-privacy")).not.toBeChecked();

  // Re-enable what the UI hides and submit through the real server action.
  await form.evaluate((el) => {
    el.querySelector("fieldset")?.removeAttribute("disabled");
    const button = document.createElement("button");
    button.type = "submit";
    button.textContent = "Forced submit";
    el.appendChild(button);
  });
  await page.getByTestId("scope-privacy").check();
  await form.getByRole("button", { name: "Forced submit" }).click();
  await expect(page.getByTestId("scope-status")).toHaveText(
    "Your role (auditor) is not allowed to change the scope and audit period.",
  );

  await page.reload();
  await expect(page.getByTestId("scope-privacy")).not.toBeChecked();
});

test("an auditor's session stops working as soon as access is revoked", async ({ browser }) => {
  const auditorPage = await browser.newPage();
  await signInOk(auditorPage, AUDITOR.email, AUDITOR.password);

  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto("/settings");
  const row = admin.locator(`[data-email="${AUDITOR.email}"]`);
  await row.getByTestId("expires-input").fill(isoDay(-1));
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByTestId("access-status")).toHaveText("Access updated.");

  await auditorPage.goto("/criteria");
  await expect(auditorPage).toHaveURL(/\/login\?reason=expired/);
  await expect(auditorPage.getByTestId("login-notice")).toContainText("auditor access has expired");

  // Restore access for the other tests.
  await row.getByTestId("expires-input").fill(isoDay(30));
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByTestId("access-status")).toHaveText("Access updated.");
});
