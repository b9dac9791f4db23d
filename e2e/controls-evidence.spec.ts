import { expect, test } from "@playwright/test";
import { ADMIN_STATE, AUDITOR, ENGINEER } from "./support/accounts";
import { signInOk } from "./support/session";

const CONTROL = "Tenant isolation (e2e)";
const SECRET_REPORT = `tenant isolation suite: 8 passed, 0 failed
export NEON_PG_CONN="postgresql://neondb_owner:npg_Sup3rSecret@db.example.internal/neondb"
`;

test.describe.configure({ mode: "serial" });

test("map a control to CC6.1, upload evidence, and watch CC6.1's status and reasons change", async ({
  browser,
}) => {
  const page = await browser.newPage({ storageState: ADMIN_STATE });
  await page.goto("/criteria/CC6.1");
  await expect(page.getByTestId("status")).toHaveAttribute("data-status", "gap");
  await expect(page.getByTestId("reasons")).toContainText("No controls are mapped to CC6.1");

  await page.getByRole("link", { name: "Create a control for CC6.1" }).click();
  const form = page.getByTestId("control-form");
  await form.getByLabel("Title").fill(CONTROL);
  await form.getByTestId("implementation-select").selectOption("implemented");
  await form.getByTestId("locations").fill("apps/organizations/middleware/tenant.py");
  await expect(form.getByTestId("criterion-CC6.1")).toBeChecked();
  await form.getByRole("button", { name: "Create control" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(CONTROL);
  await expect(page.getByTestId("status")).toHaveAttribute("data-status", "gap");

  await page.goto("/criteria/CC6.1");
  await expect(page.getByTestId("mapped-controls")).toContainText(CONTROL);
  await expect(page.getByTestId("reasons")).toContainText(`No evidence linked to "${CONTROL}"`);

  // Upload evidence with a leaked password: held back until the uploader decides.
  await page.goto("/evidence/new");
  const ev = page.getByTestId("evidence-form");
  await ev.getByLabel("Title").fill("Tenant isolation test report");
  await ev.getByTestId("file-input").setInputFiles({
    name: "isolation-report.log",
    mimeType: "text/plain",
    buffer: Buffer.from(SECRET_REPORT),
  });
  const option = await ev
    .getByTestId("evidence-controls")
    .locator("option", { hasText: CONTROL })
    .getAttribute("value");
  await ev.getByTestId("evidence-controls").selectOption(option!);
  await ev.getByTestId("submit-evidence").click();
  await expect(page.getByTestId("secret-findings")).toContainText(
    "Database URL with a password on line 2",
  );
  await expect(page).toHaveURL(/\/evidence\/new$/);
  await page.getByTestId("redact-secrets").click();
  await expect(page.getByTestId("review-state")).toHaveText("In review");
  await expect(page.getByTestId("sha256")).toContainText(/SHA-256 [0-9a-f]{64}/);
  await expect(page.getByTestId("revision")).toContainText("secrets redacted on upload");

  // Not accepted yet: still a gap. Accepting it makes CC6.1 met.
  await page.goto("/criteria/CC6.1");
  await expect(page.getByTestId("status")).toHaveAttribute("data-status", "gap");
  await expect(page.getByTestId("reasons")).toContainText(
    `Control "${CONTROL}" has a gap: No current accepted evidence`,
  );
  await page
    .getByTestId("criterion-evidence")
    .getByRole("link", { name: "Tenant isolation test report" })
    .click();
  await page.getByTestId("accept-evidence").click();
  await expect(page.getByTestId("review-status")).toHaveText("Evidence accepted.");
  await page.goto("/criteria/CC6.1");
  await expect(page.getByTestId("status")).toHaveAttribute("data-status", "met");
  await expect(page.getByTestId("reasons")).toContainText(`Control "${CONTROL}" is met`);
});

test("an auditor downloads evidence and the download appears in the activity log", async ({
  page,
}) => {
  await signInOk(page, AUDITOR.email, AUDITOR.password);
  await page.goto("/evidence");
  await page.getByRole("link", { name: "Tenant isolation test report" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("download-1").click(),
  ]);
  expect(download.suggestedFilename()).toBe("isolation-report.log");
  const body = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(body).toString();
  expect(text).toContain("8 passed, 0 failed");
  expect(text).not.toContain("npg_Sup3rSecret");
  await page.goto("/activity?action=evidence.download");
  await expect(page.getByTestId("activity-row").first()).toContainText(
    `${AUDITOR.email} (auditor) downloaded revision 1`,
  );
});

test("an engineer cannot accept evidence, even by posting the review form to the server", async ({
  browser,
}) => {
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto("/evidence/new");
  const ev = admin.getByTestId("evidence-form");
  await ev.getByLabel("Title").fill("Access review minutes");
  await ev.getByTestId("kind-note").check();
  await ev
    .getByRole("textbox", { name: "Note" })
    .fill("Quarterly access review held; 3 accounts removed.");
  await ev.getByTestId("submit-evidence").click();
  await expect(admin.getByTestId("review-state")).toHaveText("In review");
  const url = admin.url();
  // The server-rendered form carries the server action's fields (what a browser without JS posts).
  const ssr = await (await admin.request.get(url)).text();
  const reviewForm = ssr.match(/<form[^>]*data-testid="review-form"[\s\S]*?<\/form>/)![0];
  expect(reviewForm).toContain("$ACTION_KEY");

  const engineer = await browser.newPage();
  await signInOk(engineer, ENGINEER.email, ENGINEER.password);
  await engineer.goto(url);
  await expect(engineer.getByTestId("review-form")).toHaveCount(0);
  // Replay the officer's form (with its server-action fields) as a plain form post.
  const replay = async (page: typeof engineer) => {
    await page.evaluate((html) => {
      const holder = document.createElement("div");
      holder.innerHTML = html;
      document.body.appendChild(holder);
    }, reviewForm);
    await Promise.all([
      page.waitForEvent("load"),
      page.locator("body > div form[data-testid=review-form] button[value=accept]").last().click(),
    ]);
    await page.goto(url);
  };
  await replay(engineer);
  await expect(engineer.getByTestId("review-state")).toHaveText("In review");
  await admin.goto("/activity?action=evidence.accept");
  await expect(
    admin.getByTestId("activity-row").filter({ hasText: "Access review minutes" }),
  ).toHaveCount(0);

  // The same replay from the officer's session does accept it: the refusal above was the server's.
  await admin.goto(url);
  await replay(admin);
  await expect(admin.getByTestId("review-state")).toHaveText("Accepted");
});
