// Unpacks a package ZIP into a folder (for `package verify FILE.zip` and the tests), refusing
// entries that would land outside it. Streams each entry: nothing is held whole in memory.
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";

export async function unzipTo(zipFile: string, dir: string): Promise<string[]> {
  const zip = await yauzl.openPromise(zipFile, { lazyEntries: true, strictFileNames: true });
  const names: string[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith("/")) continue;
      const target = path.resolve(dir, name);
      if (!target.startsWith(path.resolve(dir) + path.sep))
        throw new Error(`${name}: the ZIP names a path outside its folder.`);
      await mkdir(path.dirname(target), { recursive: true });
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
      names.push(name);
    }
  } finally {
    zip.close();
  }
  return names;
}
