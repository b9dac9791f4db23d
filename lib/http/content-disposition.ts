// Downloads name their file twice (RFC 6266): an ASCII fallback for old clients, and the exact
// name, percent-encoded as UTF-8 (RFC 8187), in filename*. Neither can break out of the header.

/** RFC 8187 attr-chars stay; everything else is percent-encoded. */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function attachmentDisposition(fileName: string): string {
  const name = fileName.toWellFormed();
  // Conservative: no quote, backslash, ";", "=" or "*" that a lax parser could read as syntax.
  const fallback = name.replace(/[^A-Za-z0-9 ._()+,@#-]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
