// Shapes shared by Trustboard's OSCAL documents, and the small rules OSCAL's JSON Schema imposes:
// arrays are never empty (minItems 1: omit them instead), titles are one line, property values
// are trimmed and non-empty, date-times carry a zone, hrefs are URI references.
export const OSCAL_VERSION = "1.2.2";
/** Namespace of Trustboard's own property names (an identifier, never fetched). */
export const TRUSTBOARD_NS = "urn:trustboard:oscal";

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json | undefined };

export interface Prop {
  name: string;
  value: string;
  ns?: string;
  [k: string]: Json | undefined;
}

export const nonEmpty = <T>(xs: T[]): T[] | undefined => (xs.length > 0 ? xs : undefined);

export const oneLine = (s: string): string => s.replace(/\s+/g, " ").trim() || "(untitled)";

/** A Trustboard property; none when the value is empty. */
export function prop(name: string, value: string | number | null | undefined): Prop[] {
  const v = value === null || value === undefined ? "" : String(value).replace(/\s+/g, " ").trim();
  return v === "" ? [] : [{ name, value: v, ns: TRUSTBOARD_NS }];
}

/** A path inside the package, relative to the oscal/ folder, with each segment percent-encoded. */
export function packageHref(path: string): string {
  return `../${path.split("/").map(encodeURIComponent).join("/")}`;
}

export const dayStart = (day: string) => `${day}T00:00:00Z`;
export const dayEnd = (day: string) => `${day}T23:59:59Z`;

export function metadata(title: string, createdAt: Date, version: string) {
  return {
    title: oneLine(title),
    "last-modified": createdAt.toISOString(),
    version,
    "oscal-version": OSCAL_VERSION,
  };
}
