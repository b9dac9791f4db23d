import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ADMIN_STATE, AUDITOR } from "./support/accounts";
import { signInOk } from "./support/session";

test("an admin creates an audit package and an auditor downloads it, both recorded", async ({
  browser,
}) => {
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto("/settings");
  const section = admin.getByTestId("packages");
  await expect(section.getByTestId("signing-fingerprint")).toHaveText(
    /^([0-9a-f]{4} ){15}[0-9a-f]{4}$/,
  );
  await section.getByRole("button", { name: "Create package" }).click();
  await expect(section.getByTestId("package-status")).toContainText("created:", {
    timeout: 60_000,
  });
  await expect(section.getByTestId("package-download")).not.toHaveCount(0);

  const auditor = await browser.newPage();
  await signInOk(auditor, AUDITOR.email, AUDITOR.password);
  await auditor.goto("/settings");
  const auditorSection = auditor.getByTestId("packages");
  await expect(auditorSection.getByRole("button", { name: "Create package" })).toHaveCount(0);
  const [download] = await Promise.all([
    auditor.waitForEvent("download"),
    auditorSection.getByTestId("package-download").first().click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^audit-package-.*\.zip$/);
  const file = await download.path();
  expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");

  await admin.goto("/activity?action=package.download");
  await expect(admin.getByTestId("activity-row").first()).toContainText(
    `${AUDITOR.email} (auditor) downloaded the audit package`,
  );
  await admin.goto("/activity?action=package.create");
  await expect(admin.getByTestId("activity-row").first()).toContainText(
    "created the audit package",
  );
});
