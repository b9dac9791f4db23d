// NIST's OSCAL 1.2.2 JSON Schema (test-fixtures/oscal/, copied into the repository) compiled once
// with ajv 8 + ajv-formats, as NIST's own build validates: strict off, every error listed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const SCHEMA = path.resolve(
  import.meta.dirname,
  "../../test-fixtures/oscal/oscal_complete_schema-1-2-2.json",
);

let compiled: ValidateFunction | undefined;

/** The validation errors of an OSCAL document (as its JSON would be written), empty when valid. */
export function oscalErrors(doc: unknown): string[] {
  if (!compiled) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    // ajv-formats is CommonJS; its default export arrives wrapped once more under some loaders.
    const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule })
      .default ?? addFormatsModule) as typeof addFormatsModule;
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
  }
  const ok = compiled(JSON.parse(JSON.stringify(doc)));
  if (ok) return [];
  return (compiled.errors ?? [])
    .filter((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf")
    .map((e) => `${e.instancePath} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}
