import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { COMMON_PASSWORD_MESSAGE, isCommonPassword, passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("bundles exactly 10,000 passwords", () => {
    const lines = readFileSync(
      path.join(import.meta.dirname, "data/common-passwords-10k.txt"),
      "utf8",
    )
      .split("\n")
      .filter(Boolean);
    expect(lines).toHaveLength(10_000);
    expect(lines[0]).toBe("password");
  });

  it("refuses passwords shorter than 12 characters", () => {
    expect(passwordProblem("eleven chars")).toBeNull();
    expect(passwordProblem("elevenchars")).toBe("Use at least 12 characters");
    expect(passwordProblem("")).toBe("Use at least 12 characters");
  });

  it("refuses common passwords of any length, whatever their case", () => {
    // Both are on the list and at least 12 characters long.
    expect(passwordProblem("unbelievable")).toBe(COMMON_PASSWORD_MESSAGE);
    expect(passwordProblem("Contortionist")).toBe(COMMON_PASSWORD_MESSAGE);
    expect(isCommonPassword("password")).toBe(true);
    expect(isCommonPassword("PASSWORD")).toBe(true);
  });

  it("accepts a long uncommon passphrase and refuses an absurdly long one", () => {
    expect(passwordProblem("correct horse battery staple")).toBeNull();
    expect(passwordProblem("x".repeat(1025))).toBe("Too long");
  });

  it("never repeats the password in its message", () => {
    for (const pw of ["short", "unbelievable", "y".repeat(2000)])
      expect(passwordProblem(pw) ?? "").not.toContain(pw);
  });
});
