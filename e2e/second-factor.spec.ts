// Issue 11: a user sets up TOTP (the code is computed here from the secret the page shows),
// signs in with it and with a recovery code; a role that requires a second factor sends its
// users to enrolment before anything else.
import { expect, test, type Page } from "@playwright/test";
import { generate } from "otplib";
import { ADMIN_STATE } from "./support/accounts";
import { addUser, signIn, signInOk, signOut } from "./support/session";

const TOTP_USER = {
  email: "totp-user@e2e.test",
  name: "Tina Totp",
  password: "totp-user-password-123",
};
const GATED_USER = {
  email: "gated-auditor@e2e.test",
  name: "Gus Gated",
  password: "gated-password-1234",
};

/** The code of the next 30-second step: never the step the previous code was accepted in. */
const nextCode = (secret: string, steps = 1) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 * steps });

async function setRequirement(page: Page, role: string, required: boolean) {
  await page.goto("/settings");
  const form = page.getByTestId(`role-policy-${role}`);
  await form.getByLabel("Require a second factor").setChecked(required);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId(`role-policy-${role}-status`)).toContainText("saved");
}

test.describe("second factor: TOTP", () => {
  test.use({ storageState: ADMIN_STATE });

  test("enrol TOTP from the shown secret, then sign in with a code and with a recovery code", async ({
    page,
    browser,
  }) => {
    await addUser(page, TOTP_USER, "engineer");
    const context = await browser.newContext({ storageState: undefined });
    const user = await context.newPage();
    await signInOk(user, TOTP_USER.email, TOTP_USER.password);
    await user.getByTestId("account-security").click();
    await user.getByTestId("totp-start").click();
    const secret = (await user.getByTestId("totp-secret").textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect(user.getByAltText("QR code for your authenticator app")).toBeVisible();
    await user.getByLabel("Code from the app").fill("000000");
    await user.getByTestId("totp-confirm").click();
    await expect(user.getByTestId("totp-status")).toContainText("does not match");
    await user.getByLabel("Code from the app").fill(await generate({ secret }));
    await user.getByTestId("totp-confirm").click();
    await expect(user.getByTestId("totp-status")).toHaveText("Authenticator app set up.");
    const codes = await user.getByTestId("recovery-code").allTextContents();
    expect(codes).toHaveLength(10);
    await user.reload();
    await expect(user.getByTestId("totp-enabled")).toBeVisible();

    // The password alone is not enough any more.
    await signOut(user);
    await signIn(user, TOTP_USER.email, TOTP_USER.password);
    await expect(user).toHaveURL(/\/login\/second-factor$/);
    const field = user.getByLabel("Code from your authenticator app, or a recovery code");
    await field.fill("123456");
    await user.getByRole("button", { name: "Verify" }).click();
    await expect(user.getByTestId("second-factor-error")).toContainText("not right");
    await field.fill(await nextCode(secret));
    await user.getByRole("button", { name: "Verify" }).click();
    await expect(user.getByTestId("current-user")).toHaveText(TOTP_USER.email);

    // A recovery code works once.
    await signOut(user);
    await signIn(user, TOTP_USER.email, TOTP_USER.password);
    await field.fill(codes[0]!);
    await user.getByRole("button", { name: "Verify" }).click();
    await expect(user.getByTestId("current-user")).toHaveText(TOTP_USER.email);
    await user.goto("/account/security");
    await expect(user.getByTestId("recovery-left")).toHaveText("9 of 10 unused.");
    await signOut(user);
    await signIn(user, TOTP_USER.email, TOTP_USER.password);
    await field.fill(codes[0]!);
    await user.getByRole("button", { name: "Verify" }).click();
    await expect(user.getByTestId("second-factor-error")).toContainText("already used");
    await context.close();

    // The admin sees each step in the activity log, and no secret or code in it.
    await page.goto("/activity");
    await expect(page.getByText("set up an authenticator app (TOTP)").first()).toBeVisible();
    await expect(page.getByText("signed in (password + TOTP)").first()).toBeVisible();
    await expect(page.getByText("signed in (password + recovery code)").first()).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain(secret);
    for (const c of codes) expect(html).not.toContain(c);
  });

  test("a role that requires a second factor sends its user to enrolment first", async ({
    page,
    browser,
  }) => {
    const expires = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await addUser(page, GATED_USER, "auditor", expires);
    await setRequirement(page, "auditor", true);
    try {
      const context = await browser.newContext({ storageState: undefined });
      const user = await context.newPage();
      await signIn(user, GATED_USER.email, GATED_USER.password);
      await expect(user).toHaveURL(/\/account\/second-factor$/);
      // Any page leads back to enrolment until a factor is set up.
      await user.goto("/controls");
      await expect(user).toHaveURL(/\/account\/second-factor$/);
      await user.getByTestId("totp-start").click();
      const secret = (await user.getByTestId("totp-secret").textContent())!.trim();
      await user.getByLabel("Code from the app").fill(await generate({ secret }));
      await user.getByTestId("totp-confirm").click();
      await expect(user.getByTestId("recovery-codes")).toBeVisible();
      await user.goto("/controls");
      await expect(user).toHaveURL(/\/controls$/);
      await context.close();
    } finally {
      await setRequirement(page, "auditor", false);
    }
  });
});
