import "server-only";
// How the ingestion API reads what a machine sends: the raw body or a multipart "file" field,
// never more than `max` bytes, only of the accepted content types.
import { tooLarge, invalid, unsupportedType } from "@/lib/errors";

export interface IngestBody {
  content: string;
  fileName: string | null;
  /** The multipart form, when the body was one (its other fields carry metadata). */
  form: FormData | null;
}

/** Room for the multipart boundaries and the metadata fields besides the file. */
const MULTIPART_ENVELOPE = 64 * 1024;

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Reads a request body up to `max` bytes, refusing larger ones without buffering them. */
export async function readLimited(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge(`The body is larger than ${mb(max)}; nothing was stored.`);
    }
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
    return { content: await file.text(), fileName: file.name.slice(0, 255), form };
  }
  if (!opts.accept.test(type))
    throw unsupportedType(`Unsupported Content-Type "${type}": send ${opts.describe}.`);
  const bytes = await readLimited(req.body, opts.max);
  return { content: new TextDecoder().decode(bytes), fileName: null, form: null };
}
