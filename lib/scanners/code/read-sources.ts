// Reading the source files the code query audit looks at, from a directory on the server or
// from an uploaded ZIP, both bounded: so many files, so many bytes each and in all. Symbolic
// links are not followed and an archive is never written to disk, so neither can reach a file
// outside what was given. What is left out is listed, not silently dropped.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import yauzl from "yauzl";
import { invalid, isAppError, tooLarge } from "@/lib/errors";
import { languageOf, type SourceFile } from "./audit";

export const CODE_AUDIT_LIMITS = {
  /** Source files read in one audit (files of other types do not count). */
  maxFiles: 20_000,
  /** A larger source file is skipped (generated code, dumps). */
  maxFileBytes: 1024 * 1024,
  /** All source files together. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** An uploaded archive's entries, source or not. */
  maxArchiveEntries: 100_000,
};

/** Folders of dependencies, build output and tool state: not the application's own queries. */
const SKIPPED_DIRECTORIES = new Set([
  ".git",
  "node_modules",
  "target",
  "vendor",
  "dist",
  "build",
  ".next",
  "__pycache__",
  ".venv",
  "venv",
  "coverage",
]);

export interface ReadSources {
  files: SourceFile[];
  skipped: { file: string; reason: string }[];
}

class Budget {
  bytes = 0;
  readonly out: ReadSources = { files: [], skipped: [] };
  /** Whether the file may be read; records why not otherwise. */
  admit(file: string, size: number): boolean {
    if (size > CODE_AUDIT_LIMITS.maxFileBytes) {
      this.out.skipped.push({
        file,
        reason: `larger than ${CODE_AUDIT_LIMITS.maxFileBytes} bytes`,
      });
      return false;
    }
    if (this.out.files.length >= CODE_AUDIT_LIMITS.maxFiles) {
      this.out.skipped.push({ file, reason: `over the ${CODE_AUDIT_LIMITS.maxFiles}-file limit` });
      return false;
    }
    if (this.bytes + size > CODE_AUDIT_LIMITS.maxTotalBytes) {
      this.out.skipped.push({ file, reason: "over the total size limit" });
      return false;
    }
    this.bytes += size;
    return true;
  }
}

/** Every source file under `root` (an already-checked real directory), in path order. */
export function readSourceDirectory(root: string): ReadSources {
  const budget = new Budget();
  const walk = (dir: string) => {
    const entries = readdirSync(/* turbopackIgnore: true */ dir, { withFileTypes: true }).sort(
      (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
    for (const e of entries) {
      const full = path.join(dir, e.name);
      const rel = path.relative(root, full).split(path.sep).join("/");
      if (e.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(e.name)) walk(full);
      } else if (e.isFile() && languageOf(e.name)) {
        const size = statSync(/* turbopackIgnore: true */ full).size;
        if (budget.admit(rel, size))
          budget.out.files.push({
            path: rel,
            content: readFileSync(/* turbopackIgnore: true */ full, "utf8"),
          });
      }
      // Symbolic links, sockets and the like are not followed.
    }
  };
  walk(root);
  return budget.out;
}

/** The source files of a ZIP archive held in memory; entries are read, never extracted. */
export async function readSourceArchive(bytes: Uint8Array): Promise<ReadSources> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes), {
      lazyEntries: true,
      strictFileNames: true,
      validateEntrySizes: true,
    });
  } catch (err) {
    throw invalid(`Not a readable ZIP archive: ${(err as Error).message}`, "file");
  }
  const budget = new Budget();
  let entries = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      entries += 1;
      if (entries > CODE_AUDIT_LIMITS.maxArchiveEntries)
        throw tooLarge(`The archive has more than ${CODE_AUDIT_LIMITS.maxArchiveEntries} entries.`);
      const name = entry.fileName;
      if (name.endsWith("/")) continue;
      const parts = name.split("/");
      if (parts.some((p) => SKIPPED_DIRECTORIES.has(p)) || !languageOf(name)) continue;
      // Unix mode in the upper bits: a symbolic link's target is not source.
      if (((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000) continue;
      if (!budget.admit(name, entry.uncompressedSize)) continue;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      budget.out.files.push({ path: name, content: Buffer.concat(chunks).toString("utf8") });
    }
  } catch (err) {
    if (isAppError(err)) throw err;
    throw invalid(`The ZIP archive is damaged: ${(err as Error).message}`, "file");
  } finally {
    zip.close();
  }
  budget.out.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return budget.out;
}
