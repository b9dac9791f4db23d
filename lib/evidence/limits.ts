// Client-safe: the upload limit is checked in the browser before sending and again on the server.

/** The largest evidence file Trustboard accepts. */
export { MAX_EVIDENCE_BYTES as MAX_UPLOAD_BYTES } from "@/lib/http/upload-limits";
