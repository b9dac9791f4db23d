// The secret scan by content (issue 10): whatever an upload is called or claims to be, it is
// scanned when it reads as text (decode-text.ts); files named like secrets (id_rsa, *.pem,
// *.key, .env, *.tfstate) are scanned even when they do not; ZIP-based files (docx, xlsx, zip)
// have their text entries scanned, within limits that a ZIP bomb cannot get past. What cannot be
// scanned says so, and that note is kept with the revision.
import yauzl from "yauzl";
import { decodeText, encodeText } from "./decode-text";
import { redactSecrets, scanForSecrets, type SecretFinding } from "./secret-scan";

export interface ContentScan {
  findings: SecretFinding[];
  /** Null when everything was scanned; otherwise what was not, for the evidence page. */
  note: string | null;
  /** The content with the findings redacted, in its own encoding; null when that is impossible. */
  redacted: (() => Buffer) | null;
}

/** Bounds on reading a ZIP: entries looked at, bytes per entry and in all, expansion ratio. */
export const ZIP_LIMITS = {
  entries: 2_000,
  entryBytes: 8 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
  ratio: 200,
};

const SECRET_NAME =
  /^(?:id_(?:rsa|dsa|ecdsa|ed25519)|\.env(?:\..+)?|.+\.(?:pem|key|tfstate|tfstate\.backup))$/i;

export function namedLikeSecret(fileName: string): boolean {
  return SECRET_NAME.test(fileName.split("/").pop() ?? fileName);
}

const isZip = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;

function binaryKind(b: Uint8Array): string {
  const head = Buffer.from(b.subarray(0, 8)).toString("latin1");
  if (head.startsWith("%PDF")) return "binary format (PDF)";
  if (/^\x89PNG|^GIF8|^\xff\xd8\xff|^RIFF|^BM/.test(head)) return "binary format (image)";
  return "binary format";
}

/** Office XML keeps a paragraph's words in separate elements: join them so a secret is whole. */
function xmlText(text: string): string {
  return text
    .replace(/<\/(?:w:p|a:p|si|row|text:p)>/g, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

async function readBounded(zip: yauzl.ZipFile, entry: yauzl.Entry, max: number) {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function scanZip(content: Buffer): Promise<ContentScan> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(content, { lazyEntries: true, validateEntrySizes: true });
  } catch {
    return { findings: [], note: "binary format (a ZIP that could not be read)", redacted: null };
  }
  const findings: SecretFinding[] = [];
  const skipped: string[] = [];
  let entries = 0;
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/")) continue;
      if (++entries > ZIP_LIMITS.entries) {
        skipped.push(`entries after the first ${ZIP_LIMITS.entries}`);
        break;
      }
      const size = entry.uncompressedSize;
      const tooBig =
        size > ZIP_LIMITS.entryBytes ||
        total + size > ZIP_LIMITS.totalBytes ||
        (size > 1024 * 1024 && size > entry.compressedSize * ZIP_LIMITS.ratio);
      // Bit 0: encrypted; nested archives are not opened (no recursion to bound).
      if (
        tooBig ||
        entry.generalPurposeBitFlag & 1 ||
        /\.(zip|jar|docx|xlsx|pptx)$/i.test(entry.fileName)
      ) {
        skipped.push(entry.fileName);
        continue;
      }
      const data = await readBounded(zip, entry, ZIP_LIMITS.entryBytes);
      if (!data) {
        skipped.push(entry.fileName);
        continue;
      }
      total += data.length;
      const decoded = decodeText(data);
      if (!decoded) continue; // images and other binary parts of a document
      const text = /\.(xml|rels)$/i.test(entry.fileName) ? xmlText(decoded.text) : decoded.text;
      for (const f of scanForSecrets(text)) findings.push({ ...f, file: entry.fileName });
    }
  } catch {
    skipped.push("the rest of the archive (it could not be read)");
  } finally {
    zip.close();
  }
  const note = skipped.length
    ? `ZIP entries not scanned for secrets: ${skipped.slice(0, 5).join(", ")}${skipped.length > 5 ? ` and ${skipped.length - 5} more` : ""}`
    : null;
  return { findings, note, redacted: null };
}

export async function scanContent(fileName: string, content: Buffer): Promise<ContentScan> {
  if (isZip(content)) return scanZip(content);
  const decoded = decodeText(content);
  if (decoded) {
    return {
      findings: scanForSecrets(decoded.text),
      note: null,
      redacted: () => encodeText(redactSecrets(decoded.text), decoded),
    };
  }
  if (namedLikeSecret(fileName)) {
    // Named like a key or a state file but not clean text: read it byte for byte all the same.
    const text = content.toString("latin1");
    return {
      findings: scanForSecrets(text),
      note: null,
      redacted: () => Buffer.from(redactSecrets(text), "latin1"),
    };
  }
  return { findings: [], note: binaryKind(content), redacted: null };
}
