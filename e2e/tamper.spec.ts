import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { expect, test } from "@playwright/test";
import { startOwnServer } from "./support/own-server";

const ADMIN = { email: "boot-admin@e2e.test", password: "boot-admin-password-1" };

test("the chain check reports a row altered directly in the database", async ({ page }) => {
  test.setTimeout(300_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "tb-tamper-"));
  const env = { TRUSTBOARD_ADMIN_EMAIL: ADMIN.email, TRUSTBOARD_ADMIN_PASSWORD: ADMIN.password };
  let server = await startOwnServer(dataDir, 3111, env);

  const signIn = async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email").fill(ADMIN.email);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("current-user")).toHaveText(ADMIN.email);
  };
  await signIn();
  await page.goto(`${server.url}/activity`);
  await page.getByTestId("verify-chain").click();
  await expect(page.getByTestId("chain-result")).toContainText("Chain intact");
  await server.stop();

  // Someone with database access rewrites history: the trigger must be switched off first.
  const db = await PGlite.create({ dataDir: path.join(dataDir, "pglite") });
  const target = (
    await db.query<{ seq: number }>(
      `SELECT seq::int FROM activity WHERE action = 'user.create' ORDER BY seq LIMIT 1`,
    )
  ).rows[0]!.seq;
  await expect(
    db.query(`UPDATE activity SET summary = 'nothing happened' WHERE seq = $1`, [target]),
  ).rejects.toThrow(/append-only/);
  await db.exec(`ALTER TABLE activity DISABLE TRIGGER activity_no_update_delete;
    UPDATE activity SET actor_email = 'someone-else@example.com' WHERE seq = ${target};
    ALTER TABLE activity ENABLE TRIGGER activity_no_update_delete;`);
  await db.close();

  server = await startOwnServer(dataDir, 3111, env);
  try {
    // AUTH_SECRET was generated on first start and kept in the data directory: the session survives.
    await page.goto(`${server.url}/activity`);
    await expect(page.getByTestId("current-user")).toHaveText(ADMIN.email);
    await page.getByTestId("verify-chain").click();
    await expect(page.getByTestId("chain-result")).toHaveAttribute("data-ok", "false");
    await expect(page.getByTestId("chain-result")).toContainText(
      `Chain broken at entry #${target}`,
    );
    await expect(page.getByTestId("chain-result")).toContainText("altered");
  } finally {
    await server.stop();
  }
});
