// Hash chain of the activity log. Each row's hash covers its canonical content and the
// previous row's hash, so altering, removing or reordering any row breaks every later link.
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainContent {
  at: Date;
  actorId: string | null;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
}

export interface ChainedRow extends ChainContent {
  seq: bigint;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every depth: jsonb does not keep key order. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function hashRow(content: ChainContent, prevHash: string): string {
  const canonical = canonicalJson({
    at: content.at.toISOString(),
    actorId: content.actorId,
    actorEmail: content.actorEmail,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    summary: content.summary,
    before: content.before ?? null,
    after: content.after ?? null,
    prevHash,
  });
  return createHash("sha256").update(canonical).digest("hex");
}

export type ChainVerdict =
  | { ok: true; checked: number; headHash: string }
  | { ok: false; checked: number; brokenAt: bigint; reason: string };

/** Walks rows in sequence order; the caller streams them in batches through `verifier`. */
export function chainVerifier() {
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  return {
    check(row: ChainedRow): ChainVerdict | null {
      if (row.prevHash !== expectedPrev) {
        return {
          ok: false,
          checked,
          brokenAt: row.seq,
          reason:
            "its link to the previous entry does not match (an entry before it was removed or altered)",
        };
      }
      if (hashRow(row, row.prevHash) !== row.hash) {
        return {
          ok: false,
          checked,
          brokenAt: row.seq,
          reason: "its content no longer matches its hash (the entry was altered)",
        };
      }
      expectedPrev = row.hash;
      checked += 1;
      return null;
    },
    done(): ChainVerdict {
      return { ok: true, checked, headHash: expectedPrev };
    },
  };
}
