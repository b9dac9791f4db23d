import { expect, test as setup } from "@playwright/test";
import { ADMIN, ADMIN_STATE, AUDITOR, ENGINEER, EXPIRED_AUDITOR, isoDay } from "./support/accounts";
import { addUser, signInOk } from "./support/session";

setup("first run: create the administrator on /setup, then the team", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  const form = page.getByTestId("setup-form");
  await form.getByLabel("Your name").fill(ADMIN.name);
  await form.getByLabel("Email").fill(ADMIN.email);
  await form.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await form.getByLabel("Repeat password").fill("something else entirely");
  await form.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByText("The passwords do not match")).toBeVisible();
  // The refused form keeps what was typed, except the passwords.
  await expect(form.getByLabel("Email")).toHaveValue(ADMIN.email);

  await form.getByLabel("Password", { exact: true }).fill(ADMIN.password);
  await form.getByLabel("Repeat password").fill(ADMIN.password);
  await form.getByRole("button", { name: "Create administrator" }).click();
  await expect(page).toHaveURL(/\/login\?setup=done/);
  await expect(page.getByTestId("login-notice")).toContainText("Administrator created");

  // The setup page is gone for good once an administrator exists.
  const gone = await page.goto("/setup");
  expect(gone?.status()).toBe(404);

  await signInOk(page, ADMIN.email, ADMIN.password);
  await addUser(page, ENGINEER, "engineer");
  await addUser(page, AUDITOR, "auditor", isoDay(30));
  await addUser(page, EXPIRED_AUDITOR, "auditor", isoDay(-1));
  await expect(page.getByTestId("user-row")).toHaveCount(4);
  await expect(page.locator(`[data-email="${EXPIRED_AUDITOR.email}"]`)).toContainText(
    "Access expired",
  );
  await page.context().storageState({ path: ADMIN_STATE });
});
