import { expect, type Browser, type Page } from "@playwright/test";

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signInOk(page: Page, email: string, password: string): Promise<void> {
  await signIn(page, email, password);
  await expect(page.getByTestId("current-user")).toHaveText(email);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId("sign-out").click();
  await expect(page).toHaveURL(/\/login/);
}

/** Invites a user from Settings and returns the one-time link the page shows. */
export async function inviteUser(
  page: Page,
  u: { email: string; name: string },
  role: string,
  expires?: string,
): Promise<string> {
  await page.goto("/settings");
  const form = page.getByTestId("add-user-form");
  await form.getByLabel("Email").fill(u.email);
  await form.getByLabel("Name").fill(u.name);
  await form.getByTestId("new-user-role").selectOption(role);
  if (expires) await form.getByLabel("Access until (last day)").fill(expires);
  await form.getByRole("button", { name: "Invite user" }).click();
  await expect(page.getByTestId("add-user-status")).toContainText(`Invited ${u.email}`);
  return page.getByTestId("issued-link-url").inputValue();
}

/** Opens an invitation or reset link in a browser of its own and chooses the password there. */
export async function setPasswordThroughLink(
  browser: Browser,
  link: string,
  password: string,
): Promise<void> {
  // An empty state, not the spec's default: a spec that uses an admin's stored session would
  // otherwise open the link signed in, and /login sends a signed-in visitor on to the overview.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto(link);
  const form = page.getByTestId("set-password-form");
  await form.getByLabel("New password").fill(password);
  await form.getByLabel("Repeat password").fill(password);
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/login\?reason=password-set/);
  await context.close();
}

/** Adds a user the way an administrator does now: an invitation the user accepts. */
export async function addUser(
  page: Page,
  u: { email: string; name: string; password: string },
  role: string,
  expires?: string,
) {
  const link = await inviteUser(page, u, role, expires);
  const browser = page.context().browser();
  if (!browser) throw new Error("No browser to open the invitation in");
  await setPasswordThroughLink(browser, link, u.password);
}
