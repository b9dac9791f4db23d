import { describe, expect, it } from "vitest";
import { readIngestBody } from "./ingest-body";

/** A chunked body (no Content-Length) of `chunks` × 64 KiB; counts how many chunks were pulled. */
function chunked(chunks: number, type: string) {
  let pulled = 0;
  const chunk = new Uint8Array(64 * 1024).fill(97);
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (pulled++ >= chunks) c.close();
      else c.enqueue(chunk);
    },
  });
  const req = new Request("http://x/api", {
    method: "POST",
    body,
    headers: { "content-type": type },
    duplex: "half",
  } as RequestInit);
  return { req, pulled: () => pulled };
}

const opts = { max: 1024 * 1024, accept: /^/, describe: "anything" };

describe("request bodies without Content-Length are bounded while reading", () => {
  for (const type of ["application/json", "multipart/form-data; boundary=x"]) {
    it(`stops reading a ${type} body past the limit, before buffering it whole`, async () => {
      const { req, pulled } = chunked(10_000, type); // 625 MiB if read to the end
      await expect(readIngestBody(req, opts)).rejects.toMatchObject({ code: "too_large" });
      expect(pulled()).toBeLessThan(40);
    });
  }

  it("still reads a multipart file within the limit", async () => {
    const form = new FormData();
    form.set("file", new File(["hello"], "a.txt"));
    form.set("source", "ci");
    const req = new Request("http://x/api", { method: "POST", body: form });
    const body = await readIngestBody(req, opts);
    expect(body.content).toBe("hello");
    expect(body.form?.get("source")).toBe("ci");
  });
});
