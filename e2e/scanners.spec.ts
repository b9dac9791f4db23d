import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import yazl from "yazl";
import { ADMIN_STATE } from "./support/accounts";

const SARIF = readFileSync(path.resolve("test-fixtures/sarif/trivy-alpine-310.sarif"), "utf8");
const REPO = path.resolve("test-fixtures/code-audit/repo");

test.describe.configure({ mode: "serial" });

test("a SARIF log pushed with an ingest token becomes backlog items; re-uploaded without one result, its item awaits verification", async ({
  browser,
}) => {
  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto("/settings");
  await admin.getByTestId("token-form").getByLabel("Token name").fill("e2e sarif scanner");
  await admin.getByTestId("token-form").getByLabel("Findings").check();
  await admin.getByRole("button", { name: "Create token" }).click();
  const token = (await admin.getByTestId("new-token").textContent())!.trim();
  const push = (body: string) =>
    admin.request.post("/api/v1/findings", {
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/sarif+json" },
      data: body,
    });

  const first = await push(SARIF);
  expect(first.status()).toBe(201);
  const [run] = (await first.json()).runs;
  expect(run).toMatchObject({ source: "Trivy", findings: 4 });
  expect(run.backlog.created).toHaveLength(4);

  const bad = await push(JSON.stringify({ version: "2.1.0", runs: [] }));
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toContain("the log has no run");

  const log = JSON.parse(SARIF);
  log.runs[0].results.pop();
  const second = await (await push(JSON.stringify(log))).json();
  expect(second.runs[0].backlog.resolved).toHaveLength(1);
  const resolved = second.runs[0].backlog.resolved[0];

  await admin.goto(`/backlog/${resolved}`);
  await expect(admin.getByTestId("backlog-status")).toContainText(/resolved/i);
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("Trivy CVE-2019-1551");
  const open = run.backlog.created.find((k: string) => k !== resolved);
  await admin.goto(`/backlog/${open}`);
  await expect(admin.getByTestId("backlog-status")).toContainText(/open/i);
});

test("the code query audit of an uploaded ZIP lists its findings with their backlog items", async ({
  browser,
}) => {
  const zip = new yazl.ZipFile();
  for (const f of [
    "migrations/001_init.sql",
    "crates/api/src/routes/api_keys.rs",
    "web/src/invoices.ts",
    "worker/jobs.py",
    "svc/store.go",
  ])
    zip.addBuffer(readFileSync(path.join(REPO, f)), `repo/${f}`);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream) chunks.push(c as Buffer);

  const admin = await browser.newPage({ storageState: ADMIN_STATE });
  await admin.goto("/scans/code");
  await expect(admin.getByTestId("no-code-audits")).toBeVisible();
  const form = admin.getByTestId("audit-archive");
  await form.locator('input[type="file"]').setInputFiles({
    name: "repo.zip",
    mimeType: "application/zip",
    buffer: Buffer.concat(chunks),
  });
  await form.getByRole("button", { name: "Audit ZIP" }).click();
  await expect(admin.getByTestId("audit-archive-status")).toContainText(
    "Audited 5 file(s): 24 statement(s), 15 on tenant-scoped tables, 6 without a tenant predicate, 5 not analysed. 6 new, 0 fixed, 0 still open.",
  );
  await expect(admin.getByTestId("code-audits").locator("tbody tr")).toHaveCount(1);
  const finding = admin
    .getByTestId("code-findings")
    .locator("li", { hasText: "repo/svc/store.go:18" });
  await expect(finding).toContainText("DELETE on users without a tenant predicate");
  await finding.getByRole("link").click();
  await expect(admin.getByRole("heading", { level: 1 })).toContainText("DELETE on users");
  await expect(admin.getByTestId("backlog-status")).toContainText(/open/i);
});
