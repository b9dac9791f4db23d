// Turns an uploaded File into what Trustboard stores: size-checked, hashed, scanned for
// secrets (text-like files), optionally redacted. Nothing is written here.
import { invalid, tooLarge } from "@/lib/errors";
import { createHash } from "node:crypto";
import path from "node:path";
import { MAX_UPLOAD_BYTES } from "./limits";
import { isTextLike, redactSecrets, scanForSecrets, type SecretFinding } from "./secret-scan";

export interface PreparedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  sha256: string;
  findings: SecretFinding[];
  redacted: boolean;
}

export type Prepared =
  | { kind: "ready"; file: PreparedFile }
  | { kind: "needs-decision"; findings: SecretFinding[]; fileName: string };

function sha256(content: Uint8Array): string {
  return createHash("sha256").update(content).digest("hex");
}

function safeName(name: string): string {
  const base = path
    .basename(name.replace(/\\/g, "/"))
    .replace(/[\u0000-\u001f\u007f"]/g, "")
    .trim();
  return (base || "upload").slice(0, 255);
}

function safeType(type: string): string {
  return /^[\w.+-]+\/[\w.+-]+$/.test(type) ? type.toLowerCase() : "application/octet-stream";
}

export async function prepareUpload(
  file: File | null | undefined,
  decision: "redact" | "keep" | undefined,
): Promise<Prepared> {
  if (!file || typeof file === "string" || file.size === 0)
    throw invalid("Choose a non-empty file to upload.");
  if (file.size > MAX_UPLOAD_BYTES) {
    throw tooLarge(
      `The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Nothing was saved.`,
    );
  }
  const fileName = safeName(file.name);
  const contentType = safeType(file.type);
  let content = Buffer.from(await file.arrayBuffer());
  let findings: SecretFinding[] = [];
  let redacted = false;
  if (isTextLike(fileName, contentType)) {
    const text = content.toString("utf8");
    findings = scanForSecrets(text);
    if (findings.length > 0 && !decision) return { kind: "needs-decision", findings, fileName };
    if (findings.length > 0 && decision === "redact") {
      content = Buffer.from(redactSecrets(text), "utf8");
      redacted = true;
    }
  }
  return {
    kind: "ready",
    file: { fileName, contentType, content, sha256: sha256(content), findings, redacted },
  };
}
