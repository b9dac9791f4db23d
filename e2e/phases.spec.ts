import { expect, test, type Page } from "@playwright/test";
import { ADMIN_STATE, AUDITOR, ENGINEER } from "./support/accounts";
import { createControlWithAcceptedNote } from "./support/accepted-control";
import { signInOk } from "./support/session";

// A phase's must-haves, verified by someone other than its owner, and the backlog item a failed
// one becomes: how both move a criterion's status. PI1.2 is used by no other spec, so its status
// moves only with what this spec does. The backlog's own list, export and pushed findings are in
// backlog.spec.ts.
const CONTROL = "Input integrity checks (e2e)";
const PHASE = "40";

test.describe.configure({ mode: "serial" });

async function criterionStatus(page: Page) {
  await page.goto("/criteria/PI1.2");
  return page.getByTestId("status");
}

test("PI1.2 starts met: a control with accepted evidence", async ({ browser }) => {
  const page = await browser.newPage({ storageState: ADMIN_STATE });
  await createControlWithAcceptedNote(page, {
    control: CONTROL,
    criterion: "PI1.2",
    evidence: "Input validation review (e2e)",
    note: "Serializer validation reviewed; all inputs validated.",
  });
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

test("auditors read a phase without ticking deliverables or verifying must-haves", async ({
  browser,
}) => {
  const auditor = await browser.newPage();
  await signInOk(auditor, AUDITOR.email, AUDITOR.password);
  await auditor.goto(`/phases/${PHASE}`);
  await expect(auditor.getByTestId("tick-deliverable-2")).toBeDisabled();
  await expect(auditor.getByTestId("verify-open-1")).toHaveCount(0);
});
