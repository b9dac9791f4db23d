import { env } from "@/lib/env";
import { persistentSecret } from "@/lib/tooling/secrets";

/** TRUSTBOARD_SECRET_KEY, or a key generated once and kept (mode 0600) in the data directory. */
export function secretKey(): string {
  const e = env();
  return e.TRUSTBOARD_SECRET_KEY ?? persistentSecret(e.dataDir, "secret-key");
}
