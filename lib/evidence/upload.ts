// Turns an uploaded File into what Trustboard stores: size-checked, hashed, scanned for
// secrets by content (content-scan.ts), optionally redacted. Nothing is written here.
import { invalid, tooLarge } from "@/lib/errors";
import { createHash } from "node:crypto";
import path from "node:path";
import { MAX_UPLOAD_BYTES } from "./limits";
import { scanContent } from "./content-scan";
import type { SecretFinding } from "./secret-scan";

export interface PreparedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  sha256: string;
  findings: SecretFinding[];
  redacted: boolean;
  /** Null when scanned for secrets; otherwise why not ("binary format (PDF)"). */
  scanNote: string | null;
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
  let content: Buffer = Buffer.from(await file.arrayBuffer());
  const scan = await scanContent(fileName, content);
  const findings = scan.findings;
  let redacted = false;
  if (findings.length > 0 && !decision) return { kind: "needs-decision", findings, fileName };
  if (findings.length > 0 && decision === "redact") {
    if (!scan.redacted)
      throw invalid(
        "Secrets inside a ZIP-based file (docx, xlsx, zip) cannot be redacted here: remove them from the document and upload it again, or keep the file as it is. Nothing was saved.",
      );
    content = scan.redacted();
    redacted = true;
  }
  return {
    kind: "ready",
    file: {
      fileName,
      contentType,
      content,
      sha256: sha256(content),
      findings,
      redacted,
      scanNote: scan.note,
    },
  };
}
