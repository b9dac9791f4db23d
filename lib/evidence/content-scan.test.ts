import { describe, expect, it } from "vitest";
import yazl from "yazl";
import { ZIP_LIMITS, namedLikeSecret, scanContent } from "./content-scan";
import { decodeText } from "./decode-text";

const KEY = [
  "-----BEGIN OPENSSH PRIVATE KEY-----",
  "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
  "-----END OPENSSH PRIVATE KEY-----",
  "",
].join("\n");
const DB_URL = "DATABASE_URL=postgresql://app:s3cr3t-Passw0rd@db.internal:5432/app\n";

function zip(entries: Record<string, string | Buffer>, compress = true): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, content] of Object.entries(entries))
    z.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content), name, { compress });
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on("data", (c: Buffer) => chunks.push(c));
    z.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
    z.outputStream.on("error", reject);
  });
}

const utf16le = (s: string, bom = true) =>
  Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(s, "utf16le")]);

describe("decodeText", () => {
  it("reads UTF-8, UTF-8 with a BOM and UTF-16 with or without a BOM", () => {
    expect(decodeText(Buffer.from("héllo\n"))).toMatchObject({ text: "héllo\n", encoding: "utf8" });
    expect(decodeText(Buffer.from("\ufeffhi"))).toMatchObject({ text: "hi", encoding: "utf8-bom" });
    expect(decodeText(utf16le("password = hunter22\n"))).toMatchObject({
      text: "password = hunter22\n",
      encoding: "utf16le",
    });
    expect(decodeText(utf16le("plain words here", false))).toMatchObject({ encoding: "utf16le" });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("abc", "utf16le").swap16()]);
    expect(decodeText(be)).toMatchObject({ text: "abc", encoding: "utf16be" });
  });

  it("calls binary what has NULs, control bytes or invalid UTF-8", () => {
    expect(decodeText(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff]))).toBeNull();
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(decodeText(Buffer.from([0xc3, 0x28, 0x41, 0x42]))).toBeNull();
  });
});

describe("scanContent", () => {
  it("scans an id_rsa whatever its declared type, and any text whatever its name", async () => {
    expect(namedLikeSecret("id_rsa")).toBe(true);
    expect(namedLikeSecret("prod.tfstate")).toBe(true);
    expect(namedLikeSecret(".env.production")).toBe(true);
    expect(namedLikeSecret("server.KEY")).toBe(true);
    expect(namedLikeSecret("id_rsa.pub")).toBe(false);
    const key = await scanContent("id_rsa", Buffer.from(KEY));
    expect(key.findings).toMatchObject([{ kind: "private-key", line: 1 }]);
    expect(key.note).toBeNull();
    const photo = await scanContent("holiday.jpg", Buffer.from(DB_URL));
    expect(photo.findings).toMatchObject([{ kind: "database-url" }]);
  });

  it("scans UTF-16 text and redacts it in UTF-16", async () => {
    const scan = await scanContent("export.csv", utf16le(DB_URL));
    expect(scan.findings).toMatchObject([{ kind: "database-url", line: 1 }]);
    const redacted = scan.redacted!();
    expect(redacted.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    const text = redacted.subarray(2).toString("utf16le");
    expect(text).toContain("[REDACTED]");
    expect(text).not.toContain("s3cr3t");
  });

  it("scans a key file that is not clean text byte for byte", async () => {
    const scan = await scanContent(
      "deploy.pem",
      Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from(KEY)]),
    );
    expect(scan.findings).toMatchObject([{ kind: "private-key" }]);
  });

  it("scans the text parts of ZIP-based files, naming the entry, and cannot redact them", async () => {
    const docx = await zip({
      "[Content_Types].xml": "<Types/>",
      "word/document.xml":
        "<w:document><w:body><w:p><w:r><w:t>password: </w:t></w:r><w:r><w:t>Tr0ub4dor-and-3</w:t></w:r></w:p></w:body></w:document>",
      "word/media/image1.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    });
    const scan = await scanContent("policy.docx", docx);
    expect(scan.findings).toMatchObject([
      { kind: "password-assignment", file: "word/document.xml" },
    ]);
    expect(scan.note).toBeNull();
    expect(scan.redacted).toBeNull();
    const plain = await scanContent("bundle.zip", await zip({ "conf/.env": DB_URL }));
    expect(plain.findings).toMatchObject([{ kind: "database-url", file: "conf/.env" }]);
  });

  it("does not expand a ZIP bomb, and says what it left out", async () => {
    const bomb = await zip({
      "zeros.txt": Buffer.alloc(ZIP_LIMITS.entryBytes + 1, 0x61),
      "ok.txt": DB_URL,
    });
    expect(bomb.length).toBeLessThan(200_000);
    const scan = await scanContent("bomb.zip", bomb);
    expect(scan.findings).toMatchObject([{ file: "ok.txt" }]);
    expect(scan.note).toMatch(/not scanned.*zeros\.txt/);
  });

  it("says a PDF or an image was not scanned", async () => {
    const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.from([0, 0xff, 0xfe, 1, 2, 3])]);
    expect(await scanContent("report.pdf", pdf)).toMatchObject({
      findings: [],
      note: "binary format (PDF)",
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect((await scanContent("shot.png", png)).note).toBe("binary format (image)");
  });
});
