import { describe, expect, it } from "vitest";
import { GENESIS_HASH, canonicalJson, chainVerifier, hashRow, type ChainedRow } from "./chain";

function build(n: number): ChainedRow[] {
  const rows: ChainedRow[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      at: new Date(Date.UTC(2026, 0, i, 12)),
      actorId: null,
      actorEmail: "officer@example.com",
      action: "user.create",
      entityType: "user",
      entityId: `u${i}`,
      summary: `Created user ${i}`,
      before: null,
      after: { role: "engineer", nested: { b: 1, a: [1, 2] } },
    };
    const hash = hashRow(content, prev);
    rows.push({ ...content, seq: BigInt(i), prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

function verify(rows: ChainedRow[]) {
  const v = chainVerifier();
  for (const r of rows) {
    const broken = v.check(r);
    if (broken) return broken;
  }
  return v.done();
}

describe("activity hash chain", () => {
  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(
      canonicalJson({ a: { c: 3, d: 2 }, b: 1 }),
    );
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: "1" }));
  });

  it("verifies an intact chain and reports its head", () => {
    const rows = build(5);
    expect(verify(rows)).toEqual({ ok: true, checked: 5, headHash: rows[4]!.hash });
  });

  it("reports the first altered row", () => {
    const rows = build(5);
    rows[2] = { ...rows[2]!, summary: "Created user 3 (edited)" };
    const verdict = verify(rows);
    expect(verdict).toMatchObject({ ok: false, brokenAt: 3n, checked: 2 });
  });

  it("reports a removed row at the row after the gap", () => {
    const rows = build(5);
    rows.splice(1, 1);
    expect(verify(rows)).toMatchObject({ ok: false, brokenAt: 3n });
  });

  it("detects a row re-hashed in place: the next link breaks", () => {
    const rows = build(4);
    const forged = { ...rows[1]!, summary: "forged" };
    forged.hash = hashRow(forged, forged.prevHash);
    rows[1] = forged;
    expect(verify(rows)).toMatchObject({ ok: false, brokenAt: 3n });
  });
});
