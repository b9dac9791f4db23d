import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded database under ./data on 127.0.0.1:3000", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.dataDir.endsWith("/data")).toBe(true);
    expect(e.PORT).toBe(3000);
    expect(e.HOST).toBe("127.0.0.1");
    expect(e.TRUSTBOARD_SESSION_HOURS).toBe(8);
    expect(e.TRUSTBOARD_RESULTS_TIME_ZONES).toEqual({});
  });

  it("reads the zones of result sources", () => {
    expect(
      parseEnv({ TRUSTBOARD_RESULTS_TIME_ZONES: "jenkins-eu=Europe/Berlin, gha = UTC" })
        .TRUSTBOARD_RESULTS_TIME_ZONES,
    ).toEqual({ "jenkins-eu": "Europe/Berlin", gha: "UTC" });
  });

  it.each([
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
    [{ PORT: "70000" }, "PORT"],
    [{ AUTH_SECRET: "short" }, "AUTH_SECRET"],
    [
      { TRUSTBOARD_ADMIN_EMAIL: "not-an-email", TRUSTBOARD_ADMIN_PASSWORD: "long-enough-password" },
      "TRUSTBOARD_ADMIN_EMAIL",
    ],
    [{ TRUSTBOARD_ADMIN_EMAIL: "a@b.co" }, "TRUSTBOARD_ADMIN_PASSWORD"],
    [{ TRUSTBOARD_SESSION_HOURS: "0" }, "TRUSTBOARD_SESSION_HOURS"],
    [{ TRUSTBOARD_RESULTS_ROOTS: "relative/dir" }, "TRUSTBOARD_RESULTS_ROOTS"],
    [{ TRUSTBOARD_PULL_MINUTES: "-5" }, "TRUSTBOARD_PULL_MINUTES"],
    [{ TRUSTBOARD_RESULTS_TIME_ZONES: "ci=Mars/Olympus" }, "TRUSTBOARD_RESULTS_TIME_ZONES"],
    [{ TRUSTBOARD_RESULTS_TIME_ZONES: "Europe/Berlin" }, "TRUSTBOARD_RESULTS_TIME_ZONES"],
    [{ TRUSTBOARD_HSTS_SECONDS: "a year" }, "TRUSTBOARD_HSTS_SECONDS"],
  ])("rejects %o naming %s", (source, name) => {
    expect(() => parseEnv(source)).toThrow(name);
  });

  it("accepts a PostgreSQL URL and a data dir override", () => {
    const e = parseEnv({
      DATABASE_URL: "postgresql://u:p@localhost/db",
      TRUSTBOARD_DATA_DIR: "/tmp/tb",
    });
    expect(e.DATABASE_URL).toBe("postgresql://u:p@localhost/db");
    expect(e.dataDir).toBe("/tmp/tb");
  });
});
