// The evidence library is searched, filtered, sorted and paged by the server (issue 15): the
// state lives in the URL and the count says how much the whole library holds.
import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STATE } from "./support/accounts";

test.use({ storageState: ADMIN_STATE });

async function addNote(page: Page, title: string) {
  await page.goto("/evidence/new");
  const form = page.getByTestId("evidence-form");
  await form.getByLabel("Title").fill(title);
  await form.getByTestId("kind-note").check();
  await form.locator("textarea[name=body]").fill("Quarterly access review done.");
  await form.getByTestId("submit-evidence").click();
  await expect(page.getByTestId("review-state")).toBeVisible();
}

test("the library is searched, filtered and sorted through the URL, from the keyboard", async ({
  page,
}) => {
  const tag = `lib${Date.now()}`;
  await addNote(page, `${tag} alpha review`);
  await addNote(page, `${tag} beta review`);

  await page.goto("/evidence");
  await expect(page.getByTestId("table-count")).toHaveText(/^Showing 1–\d+ of \d+$/);

  // Search from the keyboard: type, Enter submits the filter form.
  await page.getByTestId("table-search").fill(tag);
  await page.getByTestId("table-search").press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${tag}`));
  await expect(page.getByTestId("table-row")).toHaveCount(2);
  await expect(page.getByTestId("table-count")).toHaveText("Showing 1–2 of 2");

  // Sorting keeps the search; a second activation flips the order.
  await page.getByTestId("sort-title").focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/sort=title&dir=asc/);
  await expect(page).toHaveURL(new RegExp(`q=${tag}`));
  await expect(page.getByTestId("table-row").first()).toContainText(`${tag} alpha`);
  await expect(page.locator("th[aria-sort=ascending]")).toContainText("Evidence");
  await page.getByTestId("sort-title").click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(page.getByTestId("table-row").first()).toContainText(`${tag} beta`);

  // A filter keeps the search and the sort; one that matches nothing says so and offers a way out.
  await page.getByTestId("filter-kind").selectOption("note");
  await page.getByTestId("apply-filters").click();
  await expect(page).toHaveURL(/kind=note/);
  await expect(page).toHaveURL(/sort=title&dir=desc/);
  await expect(page.getByTestId("table-row")).toHaveCount(2);
  await page.getByTestId("filter-kind").selectOption("link");
  await page.getByTestId("apply-filters").click();
  await expect(page.getByTestId("table-count")).toHaveText("Showing 0 of 0");
  await expect(page.getByTestId("evidence-none-match")).toBeVisible();
  await page.getByRole("link", { name: "Clear the filters" }).click();
  await expect(page).toHaveURL(/\/evidence$/);
  await expect(page.getByTestId("filter-kind")).toHaveValue("");
});

test("a page number in the URL past the end shows the last page, never an error", async ({
  page,
}) => {
  const res = await page.goto("/evidence?page=999999&sort=nonsense&kind=bogus");
  expect(res?.status()).toBe(200);
  await expect(page.getByTestId("table-count")).toHaveText(/^Showing \d+–\d+ of \d+$/);
});
