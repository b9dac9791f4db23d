import { expect, test } from "@playwright/test";
import { ADMIN_STATE, ENGINEER, EXPIRED_AUDITOR } from "./support/accounts";
import { addUser, signIn, signInOk, signOut } from "./support/session";

test("an engineer signs in and out; pages need a session again afterwards", async ({ page }) => {
  await signInOk(page, ENGINEER.email, ENGINEER.password);
  await expect(page.getByTestId("current-role")).toHaveText("Engineer");
  await expect(page.getByRole("link", { name: "Activity log" })).toHaveCount(0);
  await signOut(page);
  await page.goto("/criteria");
  await expect(page).toHaveURL(/\/login$/);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await signIn(page, ENGINEER.email, "not the password");
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
});

test("five failed attempts lock the account for 15 minutes, even for the right password", async ({
  browser,
}) => {
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  const victim = {
    email: `lock-${Date.now()}@e2e.test`,
    name: "Lou Locked",
    password: "lockout-password-123",
  };
  await addUser(admin, victim, "engineer");

  const page = await browser.newPage();
  for (let i = 1; i <= 4; i++) {
    await signIn(page, victim.email, `wrong password ${i}`);
    await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  }
  await signIn(page, victim.email, "wrong password 5");
  await expect(page.getByTestId("login-error")).toContainText("locked for 15 minutes");
  await signIn(page, victim.email, victim.password);
  await expect(page.getByTestId("login-error")).toContainText("locked for 15 minutes");

  await admin.goto("/settings");
  await expect(admin.locator(`[data-email="${victim.email}"]`)).toContainText("Locked");
  await admin.goto(`/activity?action=auth.locked`);
  await expect(admin.getByTestId("activity-row").first()).toContainText(victim.email);
});

test("an auditor whose access expired is refused with the reason", async ({ page }) => {
  await signIn(page, EXPIRED_AUDITOR.email, EXPIRED_AUDITOR.password);
  await expect(page.getByTestId("login-error")).toHaveText(
    "Your auditor access has expired. Ask the compliance officer to extend it.",
  );
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
});
