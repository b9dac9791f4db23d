import { expect, test, type Page } from "@playwright/test";
import { runSql, scratchPostgres } from "../lib/testing/scratch-postgres";
import { ADMIN_STATE } from "./support/accounts";
import { createControlWithAcceptedNote } from "./support/accepted-control";

// The posture scan needs a real PostgreSQL server to scan (the CI lane's): a database and an
// application role of this spec's own. CC6.3 is used by no other spec: only app_role_bypasses_rls
// bears on it, so its status moves only with what this spec does.
const adminUrl = process.env.TEST_DATABASE_URL ?? "";
const scratch = scratchPostgres(adminUrl, {
  database: "tb_pgscan_e2e",
  role: "tb_pgscan_e2e_app",
  password: "e2e-app",
});
const { dbName, appRole } = scratch;
const CONTROL = "Database least privilege (e2e)";
// A scan and its recording take seconds, more on a loaded machine.
const SCAN_WAIT = 120_000;

async function criterionStatus(page: Page) {
  await page.goto("/criteria/CC6.3");
  return page.getByTestId("status");
}

test.describe.configure({ mode: "serial", timeout: 300_000 });
test.skip(!adminUrl, "needs TEST_DATABASE_URL: a real PostgreSQL server to scan");

test.beforeAll(async () => {
  await scratch.create(
    `CREATE TABLE orgs (id uuid PRIMARY KEY);
     CREATE TABLE invoices (id uuid PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES orgs(id),
       updated_at timestamptz NOT NULL DEFAULT now());
     CREATE INDEX ON invoices (tenant_id);
     ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
     CREATE POLICY tenant ON invoices USING (tenant_id = current_setting('app.tenant_id', true)::uuid);
     ALTER TABLE invoices OWNER TO ${appRole};`,
  );
});

test.afterAll(async () => {
  if (!adminUrl) return;
  await scratch.drop();
});

test("scan a database: findings, new backlog items and CC6.3 at risk; fix a table, rescan, the item awaits verification", async ({
  browser,
}) => {
  const page = await browser.newPage({ storageState: ADMIN_STATE });
  // CC6.3 met first: a control with accepted evidence.
  await createControlWithAcceptedNote(page, {
    control: CONTROL,
    criterion: "CC6.3",
    evidence: "Database roles review (e2e)",
    note: "The application role owns no tables.",
  });
  await expect(await criterionStatus(page)).toHaveAttribute("data-status", "met");

  // Configure the database, connecting as the application's role, and scan it.
  await page.goto("/scans");
  await page.getByText("Add a database").click();
  await page.getByLabel("Name").fill("billing (e2e)");
  await page.getByLabel("Connection string (the application's role)").fill(scratch.appUrl());
  await page.getByRole("button", { name: "Save database" }).click();
  await expect(page.getByTestId("target-status")).toContainText('Saved "billing (e2e)"', {
    timeout: SCAN_WAIT,
  });
  await page.getByRole("button", { name: "Scan billing (e2e) now" }).click();
  await expect(page).toHaveURL(/\/scans\/[0-9a-f-]{36}$/, { timeout: SCAN_WAIT });

  const server = `${new URL(adminUrl).hostname}:${new URL(adminUrl).port || "5432"}`;
  const bypassKey = `pg:app_role_bypasses_rls:${server}/role/${appRole}`;
  const notForcedKey = `pg:rls_not_forced:${dbName}.public.invoices`;
  const bypass = page.locator(`[data-testid="finding"][data-key="${bypassKey}"]`);
  await expect(bypass).toContainText("owns 1 tenant table");
  await expect(bypass.getByTestId("finding-level")).toHaveText("error");
  await expect(bypass.getByTestId("finding-item-status")).toHaveText("Open");
  await expect(page.locator(`[data-testid="finding"][data-key="${notForcedKey}"]`)).toContainText(
    "FORCE",
  );
  await expect(page.getByTestId("scan-diff")).toContainText("0 fixed");
  await expect(page.getByTestId("report-sha256")).toContainText(/SHA-256 [0-9a-f]{64}/);
  const itemKey = (await bypass.getByTestId("finding-item").getByRole("link").textContent())!;

  await page.goto("/backlog");
  await expect(page.getByRole("link", { name: itemKey, exact: true })).toBeVisible();
  await expect(await criterionStatus(page)).toHaveAttribute("data-status", "at_risk");
  await expect(page.getByTestId("reasons")).toContainText(itemKey);

  // Fix the table; the next scan no longer finds either finding.
  await runSql(scratch.adminUrl(), "ALTER TABLE invoices FORCE ROW LEVEL SECURITY");
  await page.goto("/scans");
  await page.getByRole("button", { name: "Scan billing (e2e) now" }).click();
  await expect(page).toHaveURL(/\/scans\/[0-9a-f-]{36}$/, { timeout: SCAN_WAIT });
  await expect(page.getByTestId("scan-diff")).toContainText("2 fixed");
  const fixed = page.locator(`[data-testid="fixed-finding"][data-key="${bypassKey}"]`);
  await expect(fixed.getByTestId("finding-item-status")).toHaveText("Resolved");
  await page.goto(`/backlog/${itemKey}`);
  await expect(page.getByTestId("backlog-status")).toHaveText("Resolved");
  // Resolved by a scan, not verified: still at risk until a person verifies it.
  await expect(await criterionStatus(page)).toHaveAttribute("data-status", "at_risk");
  await expect(page.getByTestId("reasons")).toContainText("resolved but not yet verified");
});

test("scanning the embedded database is allowed but flagged not representative", async ({
  browser,
}) => {
  const page = await browser.newPage({ storageState: ADMIN_STATE });
  await page.goto("/scans");
  await page.getByRole("button", { name: "Scan Trustboard's own database" }).click();
  await expect(page).toHaveURL(/\/scans\/[0-9a-f-]{36}$/, { timeout: SCAN_WAIT });
  await expect(page.getByTestId("not-representative")).toBeVisible();
  await page.goto("/scans");
  await expect(page.getByTestId("scan-list")).toContainText("not representative");
});
