// The password rule, one place for every door that sets a password (first-run setup, the
// start-up administrator, an invitation, a change, a reset, the CLI): at least 12 characters and
// not one of the 10,000 most common passwords (bundled: lib/auth/data/SOURCES.md). Server-only in
// practice: it reads the bundled list from disk once.
import { readFileSync } from "node:fs";
import path from "node:path";
import { MIN_PASSWORD_LENGTH } from "./password";

export const MAX_PASSWORD_LENGTH = 1024;
export const COMMON_PASSWORD_MESSAGE =
  "This password is one of the 10,000 most common passwords; choose another.";

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(
      path.join(
        /* turbopackIgnore: true */ process.cwd(),
        "lib/auth/data/common-passwords-10k.txt",
      ),
      "utf8",
    )
      .split("\n")
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

/** Case-insensitive: "Password1234" is as guessable as "password1234". */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

/** What is wrong with a password, or null when it may be used. Never echoes the password. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return "Too long";
  if (isCommonPassword(password)) return COMMON_PASSWORD_MESSAGE;
  return null;
}
