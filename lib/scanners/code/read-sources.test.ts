import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import yazl from "yazl";
import { CODE_AUDIT_LIMITS, readSourceArchive, readSourceDirectory } from "./read-sources";

function zip(entries: { name: string; content: string; mode?: number }[]): Promise<Uint8Array> {
  const z = new yazl.ZipFile();
  for (const e of entries)
    z.addBuffer(Buffer.from(e.content), e.name, e.mode ? { mode: e.mode } : {});
  z.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on("data", (c: Buffer) => chunks.push(c));
    z.outputStream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    z.outputStream.on("error", reject);
  });
}

describe("readSourceDirectory", () => {
  it("reads source files only, skips dependency folders and symbolic links, lists oversized files", () => {
    const root = mkdtempSync(path.join(tmpdir(), "tb-code-"));
    mkdirSync(path.join(root, "src"));
    mkdirSync(path.join(root, "node_modules/pg"), { recursive: true });
    writeFileSync(path.join(root, "src/a.ts"), "x");
    writeFileSync(path.join(root, "src/b.py"), "x");
    writeFileSync(path.join(root, "src/c.d.ts"), "x");
    writeFileSync(path.join(root, "README.md"), "x");
    writeFileSync(path.join(root, "node_modules/pg/index.js"), "x");
    writeFileSync(path.join(root, "big.sql"), "-".repeat(CODE_AUDIT_LIMITS.maxFileBytes + 1));
    const outside = mkdtempSync(path.join(tmpdir(), "tb-outside-"));
    writeFileSync(path.join(outside, "secret.sql"), "SELECT 1");
    symlinkSync(path.join(outside, "secret.sql"), path.join(root, "link.sql"));
    symlinkSync(outside, path.join(root, "linkdir"));
    const r = readSourceDirectory(root);
    expect(r.files.map((f) => f.path)).toEqual(["src/a.ts", "src/b.py"]);
    expect(r.skipped).toEqual([{ file: "big.sql", reason: expect.stringMatching(/larger than/) }]);
  });
});

describe("readSourceArchive", () => {
  it("reads the source entries of a ZIP in memory", async () => {
    const bytes = await zip([
      { name: "repo/db/q.sql", content: "SELECT 1;" },
      { name: "repo/node_modules/x/index.js", content: "x" },
      { name: "repo/notes.txt", content: "x" },
      { name: "repo/link.sql", content: "/etc/passwd", mode: 0o120777 },
    ]);
    const r = await readSourceArchive(bytes);
    expect(r.files).toEqual([{ path: "repo/db/q.sql", content: "SELECT 1;" }]);
  });

  it("refuses an entry that climbs out of the archive, and what is not a ZIP", async () => {
    const evil = await zip([{ name: "ok.sql", content: "x" }]);
    // Rewrite the stored name (same length) in both headers: "ok.sql" → "../a.s"? keep length 6.
    const patched = Buffer.from(evil);
    let at = patched.indexOf("ok.sql");
    while (at >= 0) {
      patched.write("../a.s", at);
      at = patched.indexOf("ok.sql", at + 1);
    }
    await expect(readSourceArchive(new Uint8Array(patched))).rejects.toMatchObject({
      code: "invalid",
    });
    await expect(readSourceArchive(new TextEncoder().encode("not a zip"))).rejects.toMatchObject({
      code: "invalid",
    });
  });
});
