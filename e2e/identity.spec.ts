// Identity: invitations, revocable sessions and password changes, in a real browser.
import { expect, test, type Browser } from "@playwright/test";
import { ADMIN_STATE, isoDay } from "./support/accounts";
import { inviteUser, setPasswordThroughLink, signIn, signInOk } from "./support/session";

const unique = (p: string) => `${p}-${Date.now().toString(36)}@e2e.test`;

async function newSignedIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInOk(page, email, password);
  return { context, page };
}

test("an invited auditor opens the link, sets a password and signs in", async ({ browser }) => {
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  const auditor = { email: unique("invited-auditor"), name: "Ines Invited" };
  const lastDay = isoDay(20);
  const link = await inviteUser(admin, auditor, "auditor", lastDay);
  expect(link).toMatch(/\/password\/[A-Za-z0-9_-]{43}$/);
  await expect(admin.getByTestId("issued-link")).toHaveAttribute("data-mail", "off");
  const row = admin.locator(`[data-email="${auditor.email}"]`);
  await expect(row.getByTestId("user-state")).toContainText("Invited");

  const visitor = await browser.newPage();
  await visitor.goto(link);
  await expect(visitor.getByTestId("link-account")).toContainText(auditor.email);
  const form = visitor.getByTestId("set-password-form");
  // The policy holds on the link: a common password is refused, nothing is spent.
  await form.getByLabel("New password").fill("unbelievable");
  await form.getByLabel("Repeat password").fill("unbelievable");
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(visitor.getByText(/one of the 10,000 most common passwords/)).toBeVisible();
  await form.getByLabel("New password").fill("ines chose this herself");
  await form.getByLabel("Repeat password").fill("ines chose this herself");
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(visitor).toHaveURL(/\/login\?reason=password-set/);
  await expect(visitor.getByTestId("login-notice")).toContainText("Your password is set");

  await signInOk(visitor, auditor.email, "ines chose this herself");
  await expect(visitor.getByTestId("current-role")).toHaveText("Auditor (read-only)");
  await expect(visitor.getByText(`Access until ${lastDay}`)).toBeVisible();

  // The link works once.
  await visitor.goto(link);
  await expect(visitor.getByTestId("link-refused")).toContainText("already been used");
  await admin.reload();
  await expect(row.getByTestId("user-state")).toHaveText("Active");
});

test("sign out everywhere ends the session in a second browser", async ({ browser }) => {
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  const user = { email: unique("everywhere"), name: "Eli Everywhere" };
  const password = "eli's long passphrase";
  await setPasswordThroughLink(browser, await inviteUser(admin, user, "engineer"), password);

  const first = await newSignedIn(browser, user.email, password);
  const second = await newSignedIn(browser, user.email, password);
  await second.page.goto("/controls");
  await expect(second.page.getByTestId("current-user")).toHaveText(user.email);

  await first.page.goto("/account");
  first.page.once("dialog", (d) => void d.accept());
  await first.page.getByTestId("sign-out-everywhere").click();
  await expect(first.page).toHaveURL(/\/login\?reason=signed-out-everywhere/);

  await second.page.goto("/controls");
  await expect(second.page).toHaveURL(/\/login\?reason=revoked/);
  await expect(second.page.getByTestId("login-notice")).toContainText("were ended");
  // Signing in again works.
  await signInOk(second.page, user.email, password);
  await first.context.close();
  await second.context.close();
});

test("a password change keeps this session and ends the other one; an admin's reset link works", async ({
  browser,
}) => {
  // Four browsers, two set-password pages, five sign-ins: on a loaded machine more than a minute.
  test.slow();
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  const user = { email: unique("changer"), name: "Cam Changer" };
  const password = "cam's first passphrase";
  await setPasswordThroughLink(browser, await inviteUser(admin, user, "engineer"), password);
  const here = await newSignedIn(browser, user.email, password);
  const there = await newSignedIn(browser, user.email, password);

  await here.page.goto("/account");
  const form = here.page.getByTestId("change-password-form");
  const status = here.page.getByTestId("change-password-status");
  const submit = form.getByRole("button", { name: "Change password" });
  const changeFrom = async (current: string) => {
    await form.getByLabel("Current password").fill(current);
    await form.getByLabel("New password", { exact: true }).fill("cam's second passphrase");
    await form.getByLabel("Repeat new password").fill("cam's second passphrase");
    await submit.click();
  };

  // A wrong current password is refused and changes nothing.
  await changeFrom("not the current one");
  await expect(status).toHaveText("That is not your current password.");
  await expect(status).toHaveAttribute("data-ok", "false");
  // The action has settled (React empties the fields after it) before the form is filled again.
  await expect(submit).toBeEnabled();
  await expect(form.getByLabel("Current password")).toHaveValue("");
  await there.page.goto("/controls");
  await expect(there.page.getByTestId("current-user")).toHaveText(user.email);

  // The right one is accepted, on the page it was made from.
  await changeFrom(password);
  await expect(status).toHaveText("Password changed. Every other session has been signed out.");
  await expect(status).toHaveAttribute("data-ok", "true");
  await expect(here.page).toHaveURL(/\/account$/);

  // This session continues; the other one is over.
  await here.page.goto("/controls");
  await expect(here.page.getByTestId("current-user")).toHaveText(user.email);
  await there.page.goto("/controls");
  await expect(there.page).toHaveURL(/\/login\?reason=revoked/);

  // The administrator issues a reset link; using it ends the remaining session too.
  await admin.goto("/settings");
  const row = admin.locator(`[data-email="${user.email}"]`);
  admin.once("dialog", (d) => void d.accept());
  await row.getByTestId("issue-link").click();
  const link = await row.getByTestId("issued-link-url").inputValue();
  await setPasswordThroughLink(browser, link, "cam's third passphrase");
  await here.page.goto("/controls");
  await expect(here.page).toHaveURL(/\/login\?reason=revoked/);
  await signIn(here.page, user.email, "cam's second passphrase");
  await expect(here.page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await signInOk(here.page, user.email, "cam's third passphrase");
  await here.context.close();
  await there.context.close();
});
