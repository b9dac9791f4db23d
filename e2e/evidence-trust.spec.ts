// Issue 10: an accept names the revision the reviewer saw, and secrets are found by content.
import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./support/accounts";

const KEY = `-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACDk2ZkQqfN3m8Yc1Sg4cQw3a6V7l2xKzQ0pX9yWcY1mWQAAAJhx3Kq5cdyq
-----END OPENSSH PRIVATE KEY-----
`;

test("accepting a revision that is no longer the latest is refused with the reason", async ({
  browser,
}) => {
  const reviewer = await browser.newPage({ storageState: ADMIN_STATE });
  await reviewer.goto("/evidence/new");
  const form = reviewer.getByTestId("evidence-form");
  await form.getByLabel("Title").fill(`Firewall rules ${Date.now()}`);
  await form.getByTestId("file-input").setInputFiles({
    name: "firewall.txt",
    mimeType: "text/plain",
    buffer: Buffer.from("allow 443 from 0.0.0.0/0\n"),
  });
  await form.getByTestId("submit-evidence").click();
  await expect(reviewer.getByTestId("review-state")).toHaveText("In review");
  await expect(reviewer.getByTestId("review-form")).toContainText("revision 1");
  const url = reviewer.url();

  // While the reviewer reads revision 1, someone uploads revision 2 in another tab.
  const uploader = await browser.newPage({ storageState: ADMIN_STATE });
  await uploader.goto(url);
  await uploader
    .getByTestId("revision-form")
    .getByTestId("file-input")
    .setInputFiles({
      name: "firewall.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("allow 443 from 0.0.0.0/0\nallow 22 from 0.0.0.0/0\n"),
    });
  await uploader.getByRole("button", { name: "Upload new revision" }).click();
  await expect(uploader.getByTestId("revision-status")).toContainText("Revision 2 uploaded");

  await reviewer.getByTestId("accept-evidence").click();
  await expect(reviewer.getByTestId("review-status")).toContainText("A newer revision (2, SHA-256");
  await expect(reviewer.getByTestId("review-status")).toContainText("review revision 2 first");
  await reviewer.goto(url);
  await expect(reviewer.getByTestId("review-state")).toHaveText("In review");

  // Reloaded, the page shows revision 2 and the accept goes through.
  await expect(reviewer.getByTestId("review-form")).toContainText("revision 2");
  await reviewer.getByTestId("accept-evidence").click();
  await expect(reviewer.getByTestId("review-status")).toHaveText("Evidence accepted.");
});

test("an id_rsa upload is held back with a secret warning, whatever its declared type", async ({
  browser,
}) => {
  const page = await browser.newPage({ storageState: ADMIN_STATE });
  await page.goto("/evidence/new");
  const form = page.getByTestId("evidence-form");
  await form.getByLabel("Title").fill(`Deploy key ${Date.now()}`);
  await form.getByTestId("file-input").setInputFiles({
    name: "id_rsa",
    mimeType: "application/octet-stream",
    buffer: Buffer.from(KEY),
  });
  await form.getByTestId("submit-evidence").click();
  await expect(page.getByTestId("secret-findings")).toContainText("Private key on line 1");
  await expect(page).toHaveURL(/\/evidence\/new$/);
});

test("a PDF says on the evidence page that it was not scanned for secrets", async ({ browser }) => {
  const page = await browser.newPage({ storageState: ADMIN_STATE });
  await page.goto("/evidence/new");
  const form = page.getByTestId("evidence-form");
  await form.getByLabel("Title").fill(`Pen test report ${Date.now()}`);
  await form.getByTestId("file-input").setInputFiles({
    name: "pentest.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from([0, 0xff, 0xfe, 1, 2, 3, 4])]),
  });
  await form.getByTestId("submit-evidence").click();
  await expect(page.getByTestId("review-state")).toHaveText("In review");
  await expect(page.getByTestId("scan-note")).toHaveText(
    "Not scanned for secrets: binary format (PDF).",
  );
});
