// Client-safe: the upload limit is checked in the browser before sending and again on the server.

/** The largest evidence file Trustboard accepts. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
