import { expect, type Page } from "@playwright/test";

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

export async function addUser(
  page: Page,
  u: { email: string; name: string; password: string },
  role: string,
  expires?: string,
) {
  await page.goto("/settings");
  const form = page.getByTestId("add-user-form");
  await form.getByLabel("Email").fill(u.email);
  await form.getByLabel("Name").fill(u.name);
  await form.getByLabel("Initial password").fill(u.password);
  await form.getByTestId("new-user-role").selectOption(role);
  if (expires) await form.getByLabel("Access until (last day)").fill(expires);
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByTestId("add-user-status")).toHaveText(`Added ${u.email}.`);
}
