// Writes the package as a stream with yazl: one entry at a time, each fed through a PassThrough
// and awaited, so at most one evidence file is held in memory whatever the package's total size.
// Every entry's SHA-256 and size are taken on the way in, for the manifest.
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import { deflateRawSync } from "node:zlib";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";

export interface WrittenEntry {
  path: string;
  size: number;
  sha256: string;
}

// Already-compressed formats gain nothing from deflate and cost the most time.
const STORED = /\.(zip|gz|tgz|bz2|xz|7z|png|jpe?g|gif|webp|pdf|docx|xlsx|pptx|mp4|mov)$/i;

const SAMPLE = 64 * 1024;

/**
 * Deflate costs most of the packaging time and gains nothing on content that is already
 * compressed or random (PDFs, images, archives whatever their name): a file whose first 64 KB do
 * not shrink by a tenth is stored as it is.
 */
export function worthCompressing(head: Buffer): boolean {
  const sample = head.subarray(0, SAMPLE);
  if (sample.length < 512) return true;
  return deflateRawSync(sample, { level: 1 }).length < sample.length * 0.9;
}

const asBuffer = (chunk: Buffer | string) =>
  typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;

function toAsyncIterator<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> {
  return Symbol.asyncIterator in source
    ? source[Symbol.asyncIterator]()
    : (async function* () {
        yield* source;
      })();
}

async function* prepend<T>(first: T, rest: AsyncIterable<T>): AsyncGenerator<T> {
  yield first;
  yield* rest;
}

export class ZipStream {
  private readonly zip = new ZipFile();
  private readonly done: Promise<void>;
  private failure: Error | null = null;
  /** Never settles while the disk write is healthy; rejects when it fails. */
  private readonly failed: Promise<never>;
  readonly entries: WrittenEntry[] = [];

  constructor(
    file: string,
    private readonly mtime: Date,
  ) {
    this.done = pipeline(this.zip.outputStream, createWriteStream(file, { flags: "wx" }));
    // Recorded so a writer waiting on an entry learns of a failed disk write instead of hanging.
    this.done.catch((err: Error) => {
      this.failure = err;
    });
    this.failed = this.done.then(() => new Promise<never>(() => undefined));
    this.failed.catch(() => undefined);
  }

  /** Adds one file from its chunks; resolves once yazl has taken all of it. */
  async add(path: string, chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>) {
    if (this.failure) throw this.failure;
    const input = new PassThrough();
    const hash = createHash("sha256");
    let size = 0;
    const consumed = once(input, "end");
    // The first chunk decides whether deflate is worth its time (see worthCompressing).
    const iterator = toAsyncIterator(chunks);
    const first = await iterator.next();
    const head = first.done ? Buffer.alloc(0) : asBuffer(first.value);
    this.zip.addReadStream(input, path, {
      mtime: this.mtime,
      compress: !STORED.test(path) && worthCompressing(head),
    });
    const rest = { [Symbol.asyncIterator]: () => iterator };
    for await (const chunk of first.done ? [] : prepend(head, rest)) {
      const buf = asBuffer(chunk);
      hash.update(buf);
      size += buf.length;
      if (!input.write(buf)) await Promise.race([once(input, "drain"), this.failed]);
    }
    input.end();
    await Promise.race([consumed, this.failed]);
    const entry = { path, size, sha256: hash.digest("hex") };
    this.entries.push(entry);
    return entry;
  }

  addText(path: string, text: string | Buffer) {
    return this.add(path, [text]);
  }

  /** Adds a file that is not listed in the manifest (the manifest itself and its signature). */
  async addUnlisted(path: string, content: Buffer) {
    this.zip.addBuffer(content, path, { mtime: this.mtime });
  }

  /** Finishes the central directory (ZIP64 when the sizes need it) and waits for the disk. */
  async close(): Promise<void> {
    this.zip.end();
    await this.done;
  }

  /** Stops writing after a failure; the caller deletes the partial file. */
  async abort(): Promise<void> {
    (this.zip.outputStream as Readable).destroy(new Error("Packaging stopped."));
    await this.done.catch(() => undefined);
  }
}
