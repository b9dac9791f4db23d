// Does an upload read as text, whatever its name or declared type? UTF-8 (with or without a
// BOM) and UTF-16 (with a BOM, or recognised by its zero bytes) count; anything with NULs or
// many control characters otherwise is binary. Pure, for the secret scan (content-scan.ts).

export type TextEncoding = "utf8" | "utf8-bom" | "utf16le" | "utf16be";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** UTF-16 only: whether the upload started with a byte-order mark. */
  bom?: boolean;
}

/** Share of control characters (other than tab, CR, LF, FF, ESC) above which text is binary. */
const MAX_CONTROL_SHARE = 0.02;

function looksLikeText(text: string): boolean {
  if (text.includes("\u0000")) return false;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) controls++;
  }
  return controls <= text.length * MAX_CONTROL_SHARE;
}

function decode(buf: Uint8Array, label: "utf-8" | "utf-16le" | "utf-16be"): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return null;
  }
}

/** Without a BOM: UTF-16 when (nearly) every other byte is zero, as ASCII-range text has. */
function utf16WithoutBom(buf: Uint8Array): "utf16le" | "utf16be" | null {
  if (buf.length < 4 || buf.length % 2 !== 0) return null;
  const sample = Math.min(buf.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.7 && evenZeros < pairs * 0.1) return "utf16le";
  if (evenZeros > pairs * 0.7 && oddZeros < pairs * 0.1) return "utf16be";
  return null;
}

export function decodeText(buf: Uint8Array): DecodedText | null {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = decode(buf.subarray(3), "utf-8");
    return text !== null && looksLikeText(text) ? { text, encoding: "utf8-bom" } : null;
  }
  if (
    buf.length >= 2 &&
    ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))
  ) {
    const encoding = buf[0] === 0xff ? "utf16le" : "utf16be";
    const text = decode(buf.subarray(2), encoding === "utf16le" ? "utf-16le" : "utf-16be");
    return text !== null && looksLikeText(text) ? { text, encoding, bom: true } : null;
  }
  const sixteen = utf16WithoutBom(buf);
  if (sixteen) {
    const text = decode(buf, sixteen === "utf16le" ? "utf-16le" : "utf-16be");
    if (text !== null && looksLikeText(text)) return { text, encoding: sixteen, bom: false };
  }
  const text = decode(buf, "utf-8");
  return text !== null && looksLikeText(text) ? { text, encoding: "utf8" } : null;
}

/** The redacted text in the encoding the upload came in (a UTF-16 file stays UTF-16). */
export function encodeText(text: string, { encoding, bom }: Omit<DecodedText, "text">): Buffer {
  if (encoding === "utf8") return Buffer.from(text, "utf8");
  if (encoding === "utf8-bom")
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
  const le = Buffer.from(text, "utf16le");
  const body = encoding === "utf16le" ? le : le.swap16();
  if (!bom) return body;
  return Buffer.concat([Buffer.from(encoding === "utf16le" ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
}
