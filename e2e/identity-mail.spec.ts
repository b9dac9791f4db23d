// E-mail delivery against a local SMTP server started by the test (smtp-server), on a Trustboard
// server of its own configured with SMTP_URL; and the demo accounts staying on screen.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SMTPServer } from "smtp-server";
import { startOwnServer, type OwnServer } from "./support/own-server";

const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
const ADMIN = { email: "mail-admin@e2e.test", password: "mail admin passphrase 1" };

interface Received {
  to: string[];
  text: string;
}
const inbox: Received[] = [];
let smtp: SMTPServer;
let server: OwnServer;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        // Quoted-printable soft line breaks undone, so a link reads whole.
        const text = raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
  const smtpPort = (smtp.server.address() as { port: number }).port;
  server = await startOwnServer(mkdtempSync(path.join(os.tmpdir(), "tb-mail-")), PORT, {
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    SMTP_FROM: "trustboard@e2e.test",
    TRUSTBOARD_ADMIN_EMAIL: ADMIN.email,
    TRUSTBOARD_ADMIN_PASSWORD: ADMIN.password,
  });
});

test.afterAll(async () => {
  await server?.stop();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
});

async function waitForMail(to: string, subject: string): Promise<Received> {
  for (const deadline = Date.now() + 15_000; Date.now() < deadline;) {
    const mail = inbox.find((m) => m.to.includes(to) && m.text.includes(`Subject: ${subject}`));
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`No "${subject}" e-mail to ${to}`);
}

test("the invitation arrives by e-mail; its link sets the password; a new browser is notified", async ({
  browser,
}) => {
  const admin = await browser.newPage({ baseURL: server.url });
  await admin.goto("/login");
  await admin.getByLabel("Email").fill(ADMIN.email);
  await admin.getByLabel("Password").fill(ADMIN.password);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin.getByTestId("current-user")).toHaveText(ADMIN.email);

  await admin.goto("/settings");
  const form = admin.getByTestId("add-user-form");
  await form.getByLabel("Email").fill("mailed@e2e.test");
  await form.getByLabel("Name").fill("Mo Mailed");
  await form.getByTestId("new-user-role").selectOption("engineer");
  await form.getByRole("button", { name: "Invite user" }).click();
  await expect(admin.getByTestId("add-user-status")).toHaveText(
    "Invited mailed@e2e.test and e-mailed.",
  );
  await expect(admin.getByTestId("issued-link")).toHaveAttribute("data-mail", "sent");
  const shown = await admin.getByTestId("issued-link-url").inputValue();

  const mail = await waitForMail("mailed@e2e.test", "Your Trustboard invitation");
  const link = /http:\/\/\S+\/password\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  expect(link).toBe(shown);

  const invitee = await browser.newContext();
  const page = await invitee.newPage();
  await page.goto(link!);
  const set = page.getByTestId("set-password-form");
  await set.getByLabel("New password").fill("mo's mailed passphrase");
  await set.getByLabel("Repeat password").fill("mo's mailed passphrase");
  await set.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/\/login\?reason=password-set/);
  const signIn = async (p: typeof page) => {
    await p.getByLabel("Email").fill("mailed@e2e.test");
    await p.getByLabel("Password").fill("mo's mailed passphrase");
    await p.getByRole("button", { name: "Sign in" }).click();
    await expect(p.getByTestId("current-user")).toHaveText("mailed@e2e.test");
  };
  await signIn(page);
  expect(inbox.some((m) => m.text.includes("Subject: New sign-in"))).toBe(false);

  // A second browser the account has never used: its owner is told.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(`${server.url}/login`);
  await signIn(otherPage);
  const notice = await waitForMail("mailed@e2e.test", "New sign-in to your Trustboard account");
  expect(notice.text).toContain("Browser:");
  await invitee.close();
  await other.close();
  await admin.close();
});

test("the demo's generated passwords stay on screen until dismissed", async ({ browser }) => {
  const admin = await browser.newPage({ baseURL: server.url });
  await admin.goto("/login");
  await admin.getByLabel("Email").fill(ADMIN.email);
  await admin.getByLabel("Password").fill(ADMIN.password);
  await admin.getByRole("button", { name: "Sign in" }).click();
  await expect(admin.getByTestId("current-user")).toHaveText(ADMIN.email);
  await admin.getByRole("button", { name: "Load the demo workspace" }).click();
  await expect(admin.getByTestId("demo-status")).toContainText("Demo loaded", {
    timeout: 120_000,
  });
  // The overview has re-rendered with the demo (no "getting started" any more) …
  await expect(admin.getByTestId("getting-started")).toHaveCount(0);
  // … and the accounts are still there, with their passwords.
  const accounts = admin.getByTestId("demo-accounts");
  await expect(accounts).toContainText("auditor:");
  await expect(accounts.locator("code")).toHaveCount(2);
  await admin.getByTestId("dismiss-demo-accounts").click();
  await expect(admin.getByTestId("demo-accounts")).toHaveCount(0);
  await admin.close();
});
