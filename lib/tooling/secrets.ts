// Secrets Trustboard generates on first start when they are not configured, kept in the data
// directory so sessions survive restarts. Never printed. The directory is kept 0700 and each
// key file 0600. A key file that exists but is unusable is an error, never silently replaced:
// a new secret key would make every stored connection string unreadable.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const MIN_SECRET_LENGTH = 32;

export class SecretFileError extends Error {}

/** Narrows permissions; a path we may not chmod (another owner) is reported, not fatal. */
function tighten(file: string, mode: number): void {
  try {
    chmodSync(file, mode);
  } catch (err) {
    console.warn(
      `Could not restrict ${file} to mode ${mode.toString(8)}: ${(err as Error).message}`,
    );
  }
}

/** Creates the data directory 0700 (and tightens an existing one to 0700). */
export function ensurePrivateDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if ((statSync(dataDir).mode & 0o077) !== 0) tighten(dataDir, 0o700);
}

/** The secret kept in `dataDir/name`, or null when there is no such file. */
export function readSecretFile(dataDir: string, name: string): string | null {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) return null;
  if ((statSync(file).mode & 0o077) !== 0) tighten(file, 0o600);
  const value = readFileSync(file, "utf8").trim();
  if (value.length < MIN_SECRET_LENGTH)
    throw new SecretFileError(
      `${file} holds fewer than ${MIN_SECRET_LENGTH} characters. Restore it from your backup; ` +
        "delete it only if a new secret is acceptable (for secret-key: stored connection strings must then be entered again).",
    );
  return value;
}

export function persistentSecret(dataDir: string, name: string): string {
  ensurePrivateDir(dataDir);
  const existing = readSecretFile(dataDir, name);
  if (existing !== null) return existing;
  const value = randomBytes(48).toString("base64url");
  writeFileSync(path.join(dataDir, name), value + "\n", { mode: 0o600, flag: "wx" });
  return value;
}
