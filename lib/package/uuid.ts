// Name-based UUIDs (version 5, RFC 9562): the same package built twice from the same data gets
// the same ids except where the creation time is part of the name.
import { createHash } from "node:crypto";

// A fixed namespace for Trustboard's OSCAL documents (itself a random v4 UUID).
const NAMESPACE = "6f1d3a52-9c0e-4b7a-8d21-3e5f0c9a7b14";

export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const bytes = createHash("sha1").update(ns).update(name, "utf8").digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids for one package: every name is qualified by the package's creation time. */
export function packageUuids(createdAt: Date) {
  const stamp = createdAt.toISOString();
  return (name: string) => uuidV5(`${stamp}/${name}`);
}
