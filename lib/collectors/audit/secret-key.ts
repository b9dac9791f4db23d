import path from "node:path";
import { env } from "@/lib/env";
import { persistentSecret, readSecretFile } from "@/lib/tooling/secrets";

/** TRUSTBOARD_SECRET_KEY, or a key generated once and kept (mode 0600) in the data directory. */
export function secretKey(): string {
  const e = env();
  return e.TRUSTBOARD_SECRET_KEY ?? persistentSecret(e.dataDir, "secret-key");
}

/**
 * The key to decrypt a stored value with: never generated, since a new key cannot read what
 * the lost one encrypted.
 */
export function existingSecretKey(): string {
  const e = env();
  const key = e.TRUSTBOARD_SECRET_KEY ?? readSecretFile(e.dataDir, "secret-key");
  if (key === null)
    throw new Error(
      `The secret key is missing (TRUSTBOARD_SECRET_KEY is unset and ${path.join(e.dataDir, "secret-key")} does not exist): restore it from your backup to read stored connection strings.`,
    );
  return key;
}
