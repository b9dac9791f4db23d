import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STATE, AUDITOR, ENGINEER } from "./support/accounts";
import { signInOk } from "./support/session";

// PI1.2 is used by no other spec, so its status moves only with what this spec does.
const CONTROL = "Input integrity checks (e2e)";
const PHASE = "40";

test.describe.configure({ mode: "serial" });

async function criterionStatus(page: Page) {
  await page.goto("/criteria/PI1.2");
  return page.getByTestId("status");
}

test("PI1.2 starts met: a control with accepted evidence", async ({ browser }) => {
  const page = await browser.newPage({ storageState: ADMIN_STATE });
  await page.goto("/controls/new");
  const form = page.getByTestId("control-form");
  await form.getByLabel("Title").fill(CONTROL);
  await form.getByTestId("implementation-select").selectOption("implemented");
  await form.getByTestId("criterion-PI1.2").check();
  await form.getByRole("button", { name: "Create control" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(CONTROL);

  await page.goto("/evidence/new");
  const ev = page.getByTestId("evidence-form");
  await ev.getByLabel("Title").fill("Input validation review (e2e)");
  await ev.getByTestId("kind-note").check();
  await ev
    .getByLabel("Note", { exact: true })
    .fill("Serializer validation reviewed; all inputs validated.");
  const option = await ev
    .getByTestId("evidence-controls")
    .locator("option", { hasText: CONTROL })
    .getAttribute("value");
  await ev.getByTestId("evidence-controls").selectOption(option!);
  await ev.getByTestId("submit-evidence").click();
  await page.getByTestId("accept-evidence").click();
  await expect(page.getByTestId("review-status")).toHaveText("Evidence accepted.");
  await expect(await criterionStatus(page)).toHaveAttribute("data-status", "met");
});

test("an engineer creates a phase and ticks deliverables; a second user verifies must-haves and the score updates", async ({
  browser,
}) => {
  const eng = await browser.newPage();
  await signInOk(eng, ENGINEER.email, ENGINEER.password);
  await eng.goto("/phases");
  await eng.getByTestId("new-phase").click();
  const form = eng.getByTestId("phase-form");
  await form.getByLabel("Number").fill(PHASE);
  await form.getByLabel("Title").fill("Input integrity (e2e)");
  await form.getByTestId("phase-progress").selectOption("in_progress");
  await form.getByTestId("phase-requirements").fill("INT-01 | Validate every input | PI1.2, CC9.9");
  await form.getByRole("button", { name: "Create phase" }).click();
  await expect(form.getByTestId("phase-form-status")).toHaveText("Unknown criterion: CC9.9.");
  await form.getByTestId("phase-requirements").fill("INT-01 | Validate every input | PI1.2, CC99");
  await form.getByRole("button", { name: "Create phase" }).click();
  await expect(form).toContainText('"CC99" (in INT-01) is not a criterion id');
  await form.getByTestId("phase-requirements").fill("INT-01 | Validate every input | PI1.2");
  await form.getByRole("button", { name: "Create phase" }).click();
  await expect(eng).toHaveURL(new RegExp(`/phases/${PHASE}$`));

  await eng.getByText("Add a checklist item").click();
  for (const text of ["Serializer validation on all endpoints", "Reject unknown fields"]) {
    await eng.getByTestId("add-item-form").getByLabel("Item").fill(text);
    await eng.getByTestId("add-item-form").getByRole("button", { name: "Add item" }).click();
    await expect(eng.getByTestId("phase-deliverables")).toContainText(text);
  }
  await eng.getByTestId("add-item-form").getByLabel("Item").fill("Typo deliverable");
  await eng.getByTestId("add-item-form").getByRole("button", { name: "Add item" }).click();
  await expect(eng.getByTestId("item-deliverable-3")).toContainText("Typo deliverable");
  eng.once("dialog", (d) => d.accept());
  await eng.getByTestId("remove-deliverable-3").click();
  await expect(eng.getByTestId("item-deliverable-3")).toHaveCount(0);
  await eng.getByTestId("phase-deliverables").getByText("Link evidence").first().click();
  await eng
    .getByTestId("evidence-deliverable-1")
    .selectOption({ label: "Input validation review (e2e)" });
  await eng.getByTestId("phase-deliverables").getByRole("button", { name: "Save" }).first().click();
  await expect(eng.getByTestId("item-deliverable-1")).toContainText(
    "Evidence: Input validation review (e2e)",
  );
  await eng.getByTestId("tick-deliverable-1").check();
  await expect(eng.getByTestId("deliverables-progress")).toHaveAttribute("data-done", "1");
  await expect(eng.getByTestId("deliverables-progress")).toHaveAttribute("data-total", "2");

  await eng.getByText("Add a must-have").click();
  for (const truth of ["Every endpoint validates its input", "Validation failures are logged"]) {
    await eng.getByTestId("add-must-have-form").getByLabel("Observable truth").fill(truth);
    await eng
      .getByTestId("add-must-have-form")
      .getByLabel("Requirement ids it proves (optional)")
      .fill("INT-01");
    await eng
      .getByTestId("add-must-have-form")
      .getByRole("button", { name: "Add must-have" })
      .click();
    await expect(eng.getByTestId("must-haves")).toContainText(truth);
  }
  // The owner cannot verify their own phase.
  await expect(eng.getByTestId("must-haves")).toContainText(
    "You own this phase, so someone else must verify its must-haves.",
  );
  await expect(eng.getByTestId("verify-open-1")).toHaveCount(0);
  await expect(eng.getByTestId("phase-score")).toHaveAttribute("data-done", "0");

  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto(`/phases/${PHASE}`);
  await admin.getByTestId("verify-open-1").click();
  await admin
    .getByTestId("verify-form-1")
    .getByLabel("What you observed")
    .fill("All 40 serializers call is_valid(raise_exception=True)");
  await admin.getByTestId("verify-submit-1").click();
  await expect(admin.getByTestId("verify-status-1")).toHaveText(
    `Marked VERIFIED. Phase ${PHASE} scores 1/2.`,
  );
  await expect(admin.getByTestId("phase-score")).toHaveAttribute("data-done", "1");

  await admin.getByTestId("verify-open-2").click();
  await admin.getByTestId("verdict-2-failed").check();
  await admin.getByTestId("verify-submit-2").click();
  await expect(admin.getByTestId("verify-form-2")).toContainText("Say why it is not verified");
  await admin
    .getByTestId("verify-form-2")
    .getByLabel("Reason (required)")
    .fill("logValidationFailure() exists but is never called");
  await admin
    .getByTestId("verify-form-2")
    .getByLabel("What is missing (one per line)")
    .fill("Call logValidationFailure() in the error handler");
  await admin.getByTestId("verify-submit-2").click();
  await expect(admin.getByTestId("verify-status-2")).toHaveText(
    `Marked FAILED. Phase ${PHASE} scores 1/2.`,
  );
  await expect(admin.getByTestId("phase-status")).toHaveAttribute("data-status", "gaps_found");
  await expect(admin.getByTestId("phase-gaps")).toContainText(
    "logValidationFailure() exists but is never called",
  );

  await admin.goto("/");
  await expect(admin.getByTestId("remediation-summary")).toContainText(`Phase ${PHASE} has gaps`);
  await admin.goto("/phases");
  await expect(admin.getByTestId(`phase-status-${PHASE}`)).toHaveAttribute(
    "data-status",
    "gaps_found",
  );
  await expect(admin.getByTestId(`phase-score-${PHASE}`)).toHaveAttribute("data-done", "1");
  const status = await criterionStatus(admin);
  await expect(status).toHaveAttribute("data-status", "gap");
  await expect(admin.getByTestId("reasons")).toContainText(
    `Phase ${PHASE} "Input integrity (e2e)": must-have "Validation failures are logged" is FAILED`,
  );
});

test("a failed must-have becomes a backlog item; closing the P0 item changes the criterion status", async ({
  browser,
}) => {
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto(`/phases/${PHASE}`);
  await admin.getByTestId("to-backlog-2").click();
  await expect(admin).toHaveURL(/\/backlog\/BL-\d+$/);
  const key = admin.url().split("/").pop()!;
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(
    `${key} · Phase ${PHASE} gap: Validation failures are logged`,
  );
  await expect(admin.getByTestId("origin-phase")).toHaveText(`Phase ${PHASE}`);
  await expect(admin.getByTestId("check-1")).toContainText(
    "Call logValidationFailure() in the error handler",
  );

  // Raise it to P0 and link the control; then fix the must-have so only the item holds PI1.2 back.
  await admin.getByTestId("edit-backlog-item").click();
  await admin.getByTestId("backlog-priority").selectOption("P0");
  await admin.getByRole("checkbox", { name: new RegExp(CONTROL.replace(/[()]/g, "\\$&")) }).check();
  await admin.getByRole("button", { name: "Save item" }).click();
  await expect(admin).toHaveURL(new RegExp(`/backlog/${key}$`));
  await admin.goto(`/phases/${PHASE}`);
  await expect(admin.getByTestId("tracked-2")).toHaveText(key);
  await admin.getByTestId("verify-open-2").click();
  await admin.getByTestId("verdict-2-verified").check();
  await admin.getByTestId("verify-submit-2").click();
  await expect(admin.getByTestId("phase-status")).toHaveAttribute("data-status", "verified");
  await expect(await criterionStatus(admin)).toHaveAttribute("data-status", "gap");
  await expect(admin.getByTestId("reasons")).toContainText(`Open P0 CRITICAL backlog item ${key}`);

  // The engineer resolves it and cannot verify their own fix.
  const eng = await browser.newPage();
  await signInOk(eng, ENGINEER.email, ENGINEER.password);
  await eng.goto(`/backlog/${key}`);
  await eng.getByTestId("transition-to").selectOption("resolved");
  await eng.getByTestId("transition-submit").click();
  await expect(eng.getByTestId("backlog-status")).toHaveAttribute("data-status", "resolved");
  await eng.getByTestId("toggle-check-1").check();
  await expect(eng.getByTestId("check-1")).toHaveAttribute("data-checked", "true");
  await eng.getByTestId("transition-to").selectOption("verified");
  await eng.getByTestId("transition-submit").click();
  await expect(eng.getByTestId("transition-status")).toContainText(
    "The person who resolved the item cannot verify it",
  );
  await expect(await criterionStatus(eng)).toHaveAttribute("data-status", "at_risk");

  // A second person re-checks and verifies: the criterion is met again.
  await admin.goto(`/backlog/${key}`);
  await admin.getByTestId("transition-to").selectOption("verified");
  await admin.getByTestId("transition-submit").click();
  await expect(admin.getByTestId("transition-status")).toContainText(
    "checked by the person who resolved the item",
  );
  await admin.getByTestId("toggle-check-1").uncheck();
  await expect(admin.getByTestId("check-1")).toHaveAttribute("data-checked", "false");
  await admin.getByTestId("toggle-check-1").check();
  await expect(admin.getByTestId("check-1")).toHaveAttribute("data-checked", "true");
  await admin.getByTestId("transition-to").selectOption("verified");
  await admin.getByTestId("transition-submit").click();
  await expect(admin.getByTestId("backlog-status")).toHaveAttribute("data-status", "verified");
  await expect(admin.getByTestId("backlog-history")).toContainText(`${key}: Resolved → Verified`);
  await expect(await criterionStatus(admin)).toHaveAttribute("data-status", "met");

  // Rewording a verified must-have clears its verdict: the score drops until it is verified again.
  await admin.goto(`/phases/${PHASE}`);
  await admin.getByTestId("edit-must-have-1").click();
  await admin
    .locator("#mh-1-truth")
    .fill("Every endpoint validates its input and rejects unknown fields");
  await admin.getByTestId("must-have-1").getByRole("button", { name: "Save wording" }).click();
  await expect(admin.getByTestId("edit-must-have-status-1")).toHaveText(
    "Saved. Its verdict was cleared: it must be verified again.",
  );
  await expect(admin.getByTestId("must-have-1")).toHaveAttribute("data-verdict", "pending");
  await expect(admin.getByTestId("phase-score")).toHaveAttribute("data-done", "1");
});

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
  await form.getByTestId("criterion-PI1.2").check();
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
  await admin.getByTestId("filter-criterion").selectOption("PI1.2");
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
  await auditor.goto(`/phases/${PHASE}`);
  await expect(auditor.getByTestId("tick-deliverable-2")).toBeDisabled();
  await expect(auditor.getByTestId("verify-open-1")).toHaveCount(0);
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
    criteria: ["PI1.2"],
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
