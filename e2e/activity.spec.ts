import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./support/accounts";

test.use({ storageState: ADMIN_STATE });

test("a change appears in the activity log and the chain verifies", async ({ page }) => {
  await page.goto("/settings");
  await page.getByTestId("scope-availability").check();
  await page.getByRole("button", { name: "Save scope" }).click();
  await expect(page.getByTestId("scope-status")).toHaveText("Scope saved.");

  await page.goto("/criteria");
  await page.getByTestId("filter-scope").selectOption("in");
  await expect(page.getByTestId("table-count")).toHaveText("36 of 61");

  await page.goto("/activity");
  await page.getByTestId("filter-action").selectOption("workspace.scope");
  await page.getByRole("button", { name: "Apply filters" }).click();
  const row = page.getByTestId("activity-row").first();
  await expect(row).toContainText("Categories in scope: availability, security");
  await expect(row).toContainText("officer@e2e.test");

  await page.getByTestId("verify-chain").click();
  await expect(page.getByTestId("chain-result")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("chain-result")).toContainText("Chain intact");
});
