// The workspace's Ed25519 key that signs every package's manifest.json. Generated on first use and
// kept in the data directory (mode 0600) like the other generated secrets; the public key and its
// fingerprint are shown in Settings so an auditor can check a package's origin, not only its
// integrity.
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
} from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

export const SIGNING_KEY_FILE = "package-signing-key.pem";

export interface SigningKey {
  /** PEM of the public key (SubjectPublicKeyInfo), as packaged in public-key.pem. */
  publicKeyPem: string;
  /** Hex SHA-256 of the public key's DER form. */
  fingerprint: string;
  sign(data: Buffer): string;
}

function readOrCreate(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8");
  mkdirSync(path.dirname(file), { recursive: true });
  const { privateKey } = generateKeyPairSync("ed25519");
  const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  try {
    // "wx": two processes generating at once keep the first key written.
    writeFileSync(file, pem, { mode: 0o600, flag: "wx" });
    return pem;
  } catch {
    return readFileSync(file, "utf8");
  }
}

/**
 * SHA-256 of the key's DER SubjectPublicKeyInfo, in hex. verify.mjs computes the same on its own
 * (the server does not import that script, so the bundler never traces its file-system calls).
 */
export function keyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex");
}

export function loadSigningKey(dataDir = env().dataDir): SigningKey {
  const privateKey = createPrivateKey(readOrCreate(path.join(dataDir, SIGNING_KEY_FILE)));
  const publicKeyPem = createPublicKey(privateKey)
    .export({ type: "spki", format: "pem" })
    .toString();
  return {
    publicKeyPem,
    fingerprint: keyFingerprint(publicKeyPem),
    sign: (data) => sign(null, data, privateKey).toString("base64"),
  };
}

/** "ab12 cd34 …" in groups of four, easier to compare by eye. */
export function groupedFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?!$)/g, "$1 ");
}
