import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { authorize } from "@/lib/auth/authorize";
import { groupedFingerprint, loadSigningKey } from "./signing-key";

/** What Settings shows of the signing key, for everyone who reads the workspace. */
export async function signingKeyInfo(actor: Actor | null) {
  authorize(actor, "workspace.read");
  const key = loadSigningKey();
  return {
    publicKeyPem: key.publicKeyPem,
    fingerprint: key.fingerprint,
    grouped: groupedFingerprint(key.fingerprint),
  };
}
