// Accounts the end-to-end run creates through the UI in first-run.setup.ts.
export const ADMIN = {
  email: "officer@e2e.test",
  name: "Olivia Officer",
  password: "officer-password-123",
};
export const ENGINEER = {
  email: "engineer@e2e.test",
  name: "Evan Engineer",
  password: "engineer-password-123",
};
export const AUDITOR = {
  email: "auditor@e2e.test",
  name: "Ada Auditor",
  password: "auditor-password-123",
};
export const EXPIRED_AUDITOR = {
  email: "expired@e2e.test",
  name: "Eve Expired",
  password: "expired-password-123",
};

export const ADMIN_STATE = "test-results/.auth/admin.json";

export function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** The server's origin: recorded downloads are POSTs that must carry it (lib/http/same-origin.ts). */
export const ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;
