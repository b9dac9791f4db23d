import { expect, test } from "@playwright/test";
import { ADMIN_STATE, AUDITOR } from "./support/accounts";
import { signInOk } from "./support/session";

// The backlog as a list (filters, charts, CSV export, auditors' read-only view) and findings that
// collectors push into it. PI1.3 is used by no other spec, so the overdue filter finds only this
// spec's item. Phase gaps that become backlog items are in phases.spec.ts.
test.describe.configure({ mode: "serial" });

test("the backlog filters, charts and CSV export agree; auditors read without editing", async ({
  browser,
}) => {
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto("/backlog/new");
  const form = admin.getByTestId("backlog-form");
  await form.getByLabel("Title").fill("Overdue integrity item (e2e)");
  await form.getByTestId("backlog-priority").selectOption("P1");
  await form
    .getByLabel("Due date")
    .fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
  await form.getByTestId("criterion-PI1.3").check();
  await form.getByTestId("riskBefore-likelihood").selectOption("high");
  await form.getByRole("button", { name: "Create item" }).click();
  await expect(form.getByTestId("backlog-form-status")).toContainText(
    "Check the highlighted fields",
  );
  await expect(form).toContainText("Give both likelihood and impact");
  await form.getByTestId("riskBefore-impact").selectOption("medium");
  await form.getByRole("button", { name: "Create item" }).click();
  await expect(admin.getByTestId("overdue")).toBeVisible();
  const key = admin.url().split("/").pop()!;
  await expect(admin.getByTestId("risk-table")).toContainText("high");

  await admin.goto("/backlog");
  await expect(admin.getByTestId("chart-open-by-priority")).toContainText("P1:");
  await expect(admin.getByTestId("chart-burndown")).toBeVisible();
  await admin.getByTestId("filter-overdue").check();
  await admin.getByTestId("filter-criterion").selectOption("PI1.3");
  await admin.getByTestId("apply-filters").click();
  await expect(admin).toHaveURL(/overdue=1/);
  const table = admin.getByTestId("backlog-table");
  await expect(table).toContainText(key);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  // Paged by the server: the count is the whole filtered backlog; sorting keeps the filters.
  await expect(admin.getByTestId("table-count")).toHaveText("Showing 1–1 of 1");
  await admin.getByTestId("sort-dueDate").click();
  await expect(admin).toHaveURL(/sort=due&dir=asc/);
  await expect(admin).toHaveURL(/overdue=1/);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await admin.getByTestId("table-search").fill(key);
  await admin.getByTestId("table-search").press("Enter");
  await expect(admin).toHaveURL(new RegExp(`q=${key}`));
  await expect(table).toContainText(key);
  const download = admin.waitForEvent("download");
  await admin.getByTestId("export-backlog").click();
  const csv = await (await (await download).createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text.split("\r\n")[0]).toBe(
    "key,title,priority,severity,status,owner,due_date,overdue,criteria,controls,checks_done,origin",
  );
  expect(text).toContain(`${key},Overdue integrity item (e2e),P1,HIGH,open`);
  expect(text.trim().split("\r\n")).toHaveLength(2);

  const auditor = await browser.newPage();
  await signInOk(auditor, AUDITOR.email, AUDITOR.password);
  await auditor.goto("/backlog");
  await expect(auditor.getByTestId("new-backlog-item")).toHaveCount(0);
  await auditor.goto(`/backlog/${key}`);
  await expect(auditor.getByTestId("transition-form")).toHaveCount(0);
  await expect(auditor.getByTestId("edit-backlog-item")).toHaveCount(0);
});

test("a scanner pushes a finding with an ingest token: one item of origin collector, however often it is pushed", async ({
  browser,
}) => {
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto("/settings");
  await admin.getByTestId("token-form").getByLabel("Token name").fill("e2e db scanner");
  await admin.getByTestId("token-form").getByLabel("Findings").check();
  await admin.getByRole("button", { name: "Create token" }).click();
  const token = (await admin.getByTestId("new-token").textContent())!.trim();
  const push = (
    data: unknown,
    headers: Record<string, string> = { Authorization: `Bearer ${token}` },
  ) => admin.request.post("/api/v1/findings", { headers, data });
  const finding = {
    title: "Orphaned tenant rows found (e2e)",
    priority: "P2",
    criteria: ["PI1.3"],
    checklist: ["No orphaned rows in the nightly scan"],
    source: "e2e scanner",
  };
  const first = await push(finding);
  expect(first.status()).toBe(201);
  const { key, url } = await first.json();
  expect(url).toBe(`/backlog/${key}`);
  const again = await push(finding);
  expect(again.status()).toBe(200);
  expect((await again.json()).key).toBe(key);
  const bad = await push({ ...finding, title: "x", controls: ["CTL-999"] });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toBe("Unknown or archived control ref(s): CTL-999.");
  expect((await push({ title: "no priority" })).status()).toBe(400);
  expect((await push(finding, {})).status()).toBe(401);

  await admin.goto(url);
  await expect(
    admin.getByText("A collector finding — Pushed by e2e scanner (token:e2e db scanner)"),
  ).toBeVisible();
  await expect(admin.getByTestId("check-1")).toContainText("No orphaned rows in the nightly scan");
});
