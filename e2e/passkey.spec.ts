// Issue 11: a passkey is enrolled with Chromium's virtual authenticator (CDP WebAuthn domain),
// then signs in on its own (passwordless) and as the second step after a password.
// WebAuthn binds credentials to a host name, never an IP address: this test uses localhost.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN } from "./support/accounts";
import { addUser, signIn, signInOk, signOut } from "./support/session";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const PASSKEY_USER = {
  email: "passkey-user@e2e.test",
  name: "Paula Passkey",
  password: "passkey-password-123",
};

test.use({ baseURL: `http://localhost:${PORT}` });

async function virtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

test("enrol a passkey, sign in with it alone and as the second factor", async ({ page }) => {
  await signInOk(page, ADMIN.email, ADMIN.password);
  await addUser(page, PASSKEY_USER, "engineer");
  await signOut(page);

  await virtualAuthenticator(page);
  await signInOk(page, PASSKEY_USER.email, PASSKEY_USER.password);
  await page.goto("/account/security");
  await page.getByLabel("Name of the new passkey").fill("Virtual key");
  await page.getByTestId("passkey-add").click();
  await expect(page.getByTestId("passkey-status")).toHaveText("Passkey added.");
  await expect(page.getByTestId("recovery-code")).toHaveCount(10);
  await page.reload();
  await expect(page.getByTestId("passkey-list")).toContainText("Virtual key");

  // Passwordless: the passkey alone signs in.
  await signOut(page);
  await page.getByTestId("passkey-sign-in").click();
  await expect(page.getByTestId("current-user")).toHaveText(PASSKEY_USER.email);

  // After the password, the passkey is the second factor.
  await signOut(page);
  await signIn(page, PASSKEY_USER.email, PASSKEY_USER.password);
  await expect(page).toHaveURL(/\/login\/second-factor$/);
  await page.getByTestId("passkey-sign-in").click();
  await expect(page.getByTestId("current-user")).toHaveText(PASSKEY_USER.email);

  await signOut(page);
  await signInOk(page, ADMIN.email, ADMIN.password);
  await page.goto("/activity");
  await expect(page.getByText('added the passkey "Virtual key"').first()).toBeVisible();
  await expect(page.getByText(`${PASSKEY_USER.email} signed in (passkey)`).first()).toBeVisible();
  await expect(
    page.getByText(`${PASSKEY_USER.email} signed in (password + passkey)`).first(),
  ).toBeVisible();
});
