// Issue 11: single sign-on against a real OpenID Connect provider (oidc-provider) started here;
// the server was started with TRUSTBOARD_OIDC_* pointing at it (playwright.config.ts). New users
// of the allowed domain become engineers; a foreign domain is refused and recorded.
import type { Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STATE } from "./support/accounts";
import { startIdp } from "./support/oidc-idp";

const PORT = Number(process.env.E2E_PORT ?? 3100);
let idp: Server;

test.beforeAll(async () => {
  idp = await startIdp(`http://127.0.0.1:${PORT}`);
});
test.afterAll(async () => {
  await new Promise((resolve) => idp.close(resolve));
});

async function signInAtIdp(page: Page, email: string) {
  await page.goto("/login");
  await page.getByTestId("sso-sign-in").click();
  // The provider's own (development) log-in form, then its consent page.
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("anything at all");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("a new user of the allowed domain signs in by SSO; a foreign domain is refused", async ({
  browser,
}) => {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await signInAtIdp(page, "sso-newcomer@e2e.test");
  await expect(page.getByTestId("current-user")).toHaveText("sso-newcomer@e2e.test");
  await expect(page.getByTestId("current-role")).toHaveText("Engineer");
  // Made by single sign-on, the account has no password: no change form to guess into.
  await page.goto("/account");
  await expect(page.getByTestId("no-own-password")).toContainText("signs in by single sign-on");
  await expect(page.getByTestId("change-password-form")).toHaveCount(0);
  await context.close();

  const foreign = await browser.newContext({ storageState: undefined });
  const intruder = await foreign.newPage();
  await signInAtIdp(intruder, "intruder@elsewhere.test");
  await expect(intruder).toHaveURL(/\/login\?reason=sso_refused/);
  await expect(intruder.getByTestId("login-notice")).toContainText("Single sign-on was refused");
  await foreign.close();

  const admin = await browser.newContext({ storageState: ADMIN_STATE });
  const log = await admin.newPage();
  await log.goto("/activity");
  await expect(
    log.getByText("sso-newcomer@e2e.test signed in (single sign-on)").first(),
  ).toBeVisible();
  await expect(
    log
      .getByText(
        "Single sign-on refused for intruder@elsewhere.test: the e-mail domain is not allowed",
      )
      .first(),
  ).toBeVisible();
  await expect(log.getByText("e2e-client-secret")).toHaveCount(0);
  await admin.close();
});
