import "server-only";
// How the ingestion API reads what a machine sends: the raw body or a multipart "file" field,
// never more than `max` bytes, only of the accepted content types.
import { tooLarge, invalid, unsupportedType } from "@/lib/errors";
import { cutText } from "@/lib/validation/storable";

export interface IngestBody {
  content: string;
  fileName: string | null;
  /** The multipart form, when the body was one (its other fields carry metadata). */
  form: FormData | null;
}

/** Room for the multipart boundaries and the metadata fields besides the file. */
const MULTIPART_ENVELOPE = 64 * 1024;

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The chunks of a body as they arrive (nothing when there is none). */
export async function* bodyChunks(
  body: ReadableStream<Uint8Array> | null,
): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    // Left early (too large, a bad line): stop receiving the rest.
    await reader.cancel().catch(() => undefined);
  }
}

/** Reads a request body up to `max` bytes, refusing larger ones without buffering them. */
export async function readLimited(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | null,
  max: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const source = body instanceof ReadableStream || body === null ? bodyChunks(body) : body;
  for await (const value of source) {
    size += value.byteLength;
    if (size > max) throw tooLarge(`The body is larger than ${mb(max)}; nothing was stored.`);
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Bytes a body may start with before its content: white space and a UTF-8 byte order mark. */
const LEADING = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]);

/**
 * The first byte of a body's content (null for an empty body) and all its chunks, the ones
 * read to find that byte included, still to be consumed.
 */
async function peekFirstByte(
  body: ReadableStream<Uint8Array> | null,
): Promise<{ first: number | null; chunks: AsyncIterable<Uint8Array> }> {
  const source = bodyChunks(body);
  const seen: Uint8Array[] = [];
  let first: number | null = null;
  while (first === null) {
    const { done, value } = await source.next();
    if (done) break;
    seen.push(value);
    first = value.find((b) => !LEADING.has(b)) ?? null;
  }
  async function* replay() {
    yield* seen;
    yield* source;
  }
  return { first, chunks: replay() };
}

/**
 * A body that `streamIf` accepts by its first byte (e.g. `{` for JSON Lines) is handed over
 * unread, to be consumed as it arrives (the consumer enforces `max`); any other is read as
 * readIngestBody reads it.
 */
export async function streamOrReadIngestBody(
  req: Request,
  opts: { max: number; accept: RegExp; describe: string; streamIf: (first: number) => boolean },
): Promise<{ stream: AsyncIterable<Uint8Array> } | { read: IngestBody }> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("multipart/form-data")) return { read: await readIngestBody(req, opts) };
  if (Number(req.headers.get("content-length") ?? 0) > opts.max)
    throw tooLarge(`The body is larger than ${mb(opts.max)}; nothing was stored.`);
  if (!opts.accept.test(type))
    throw unsupportedType(`Unsupported Content-Type "${type}": send ${opts.describe}.`);
  const { first, chunks } = await peekFirstByte(req.body);
  if (first !== null && opts.streamIf(first)) return { stream: chunks };
  const bytes = await readLimited(chunks, opts.max);
  return { read: { content: new TextDecoder().decode(bytes), fileName: null, form: null } };
}

export async function readIngestBody(
  req: Request,
  opts: { max: number; accept: RegExp; describe: string; multipart?: boolean },
): Promise<IngestBody> {
  if (Number(req.headers.get("content-length") ?? 0) > opts.max + MULTIPART_ENVELOPE)
    throw tooLarge(`The body is larger than ${mb(opts.max)}; nothing was stored.`);
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  if (opts.multipart !== false && type.startsWith("multipart/form-data")) {
    // Read (bounded) first: req.formData() would buffer a chunked body of any size.
    const raw = await readLimited(req.body, opts.max + MULTIPART_ENVELOPE);
    const form = await new Response(raw, { headers: { "content-type": type } })
      .formData()
      .catch(() => {
        throw invalid("The multipart body could not be read.");
      });
    const file = form.get("file");
    if (!(file instanceof File))
      throw invalid(`Send ${opts.describe} as a multipart field named "file".`, "file");
    if (file.size > opts.max)
      throw tooLarge(`The file is larger than ${mb(opts.max)}; nothing was stored.`);
    return { content: await file.text(), fileName: cutText(file.name, 255), form };
  }
  if (!opts.accept.test(type))
    throw unsupportedType(`Unsupported Content-Type "${type}": send ${opts.describe}.`);
  const bytes = await readLimited(req.body, opts.max);
  return { content: new TextDecoder().decode(bytes), fileName: null, form: null };
}
