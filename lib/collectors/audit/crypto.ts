// Connection strings of audit sources are stored encrypted (AES-256-GCM). The key comes from
// TRUSTBOARD_SECRET_KEY, or one generated on first use and kept in the data directory.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const keyBytes = (key: string) => createHash("sha256").update(key).digest();

export function encryptSecret(plain: string, key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyBytes(key), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v1",
    iv.toString("base64"),
    cipher.getAuthTag().toString("base64"),
    body.toString("base64"),
  ].join(".");
}

export function decryptSecret(sealed: string, key: string): string {
  const [v, iv, tag, body] = sealed.split(".");
  if (v !== "v1" || !iv || !tag || body === undefined)
    throw new Error("Not an encrypted Trustboard secret.");
  // A shortened tag would make forgery easier: only the full 16 bytes are accepted.
  const tagBytes = Buffer.from(tag, "base64");
  if (tagBytes.length !== 16) throw new Error("The stored secret's authentication tag is invalid.");
  const decipher = createDecipheriv("aes-256-gcm", keyBytes(key), Buffer.from(iv, "base64"), {
    authTagLength: 16,
  });
  decipher.setAuthTag(tagBytes);
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new Error(
      "The stored connection string cannot be decrypted: TRUSTBOARD_SECRET_KEY changed, or the value was altered.",
    );
  }
}
