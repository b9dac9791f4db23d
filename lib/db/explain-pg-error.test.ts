import { describe, expect, it } from "vitest";
import { explainPgError } from "./explain-pg-error";

describe("explainPgError", () => {
  it("words the common connection failures the same for every caller", () => {
    expect(explainPgError({ code: "ECONNREFUSED" }, "The scan")).toBe(
      "The database server is unreachable (check host, port and firewall).",
    );
    expect(explainPgError({ code: "28P01" }, "The source")).toMatch(/^Authentication failed/);
    expect(
      explainPgError({ message: "Connection terminated due to connection timeout" }, "X"),
    ).toBe("The database server is unreachable (timed out).");
  });

  it("lets a caller word its own codes, and never echoes a connection string", () => {
    const own = { "42501": (m: string) => `No privilege: ${m}` };
    expect(explainPgError({ code: "42501", message: "denied" }, "The scan", own)).toBe(
      "No privilege: denied",
    );
    expect(
      explainPgError({ message: "bad postgresql://app:s3cret@db:5432/app here" }, "The source"),
    ).toBe("The source failed: bad <connection string> here");
  });
});
