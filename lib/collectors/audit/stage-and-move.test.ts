import { describe, expect, it } from "vitest";
import type { BulkRunner } from "@/lib/db/runners";
import { stageAndMove } from "./ingest";

/** A runner that records the order of events and moves `n` rows per staged chunk. */
function fakeRunner(log: string[], opts: { failMove?: number } = {}) {
  let moves = 0;
  const q = {
    async copyText(_target: string, data: Uint8Array) {
      log.push(`copy ${Buffer.from(data).toString()}`);
      // The database's work takes a while: the next chunk may be produced meanwhile.
      await new Promise((r) => setTimeout(r, 20));
      log.push(`copied ${Buffer.from(data).toString()}`);
    },
    async query(sql: string) {
      // The moves; the rest (savepoints, TRUNCATE) answers nothing.
      if (!sql.trimStart().startsWith("WITH")) return [];
      moves += 1;
      await new Promise((r) => setTimeout(r, 20));
      if (moves === opts.failMove) throw new Error(`move ${moves} failed`);
      return [{ n: 10 }];
    },
  };
  return q as unknown as BulkRunner;
}

async function* chunks(
  log: string[],
  names: string[],
  opts: { failAt?: string; slow?: Record<string, number> } = {},
) {
  for (const name of names) {
    log.push(`produce ${name}`);
    // A chunk of a slow client's body: it takes a while to arrive.
    const ms = opts.slow?.[name];
    if (ms) await new Promise((r) => setTimeout(r, ms));
    if (name === opts.failAt) throw new Error(`bad line in ${name}`);
    log.push(`produced ${name}`);
    yield Buffer.from(name);
  }
}

describe("stageAndMove", () => {
  it("produces the next chunk while the database copies this one, and counts every move", async () => {
    const log: string[] = [];
    const stored = await stageAndMove(fakeRunner(log), chunks(log, ["a", "b", "c"]));
    expect(stored).toBe(30);
    // The overlap: chunk b is asked for before chunk a's COPY has finished.
    expect(log.indexOf("produce b")).toBeLessThan(log.indexOf("copied a"));
    expect(log.filter((l) => l.startsWith("copy ")).map((l) => l.slice(5))).toEqual([
      "a",
      "b",
      "c",
    ]);
  });

  it("a failing move rejects at once, without waiting for the next chunk, and unhandled nowhere", async () => {
    const log: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (e: unknown) => unhandled.push(e);
    process.on("unhandledRejection", onUnhandled);
    let seenWhenRejected: string[] = [];
    try {
      await expect(
        stageAndMove(
          fakeRunner(log, { failMove: 1 }),
          chunks(log, ["a", "b", "c"], { slow: { b: 300 } }),
        ).catch((err: unknown) => {
          seenWhenRejected = [...log];
          throw err;
        }),
      ).rejects.toThrow("move 1 failed");
      // The move failed while chunk b was still arriving: reported then, not after it.
      expect(seenWhenRejected).toContain("produce b");
      expect(seenWhenRejected).not.toContain("produced b");
      await new Promise((r) => setTimeout(r, 400));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(unhandled).toEqual([]);
    // Nothing after the failed move is staged.
    expect(log).not.toContain("copy b");
  });

  it("a bad line while a chunk is copied rejects with its error", async () => {
    const log: string[] = [];
    await expect(
      stageAndMove(fakeRunner(log), chunks(log, ["a", "b"], { failAt: "b" })),
    ).rejects.toThrow("bad line in b");
    expect(log).not.toContain("copy b");
  });

  it("moves by plain insert under a savepoint until one meets a stored key, then ON CONFLICT", async () => {
    const sent: string[] = [];
    let plainMoves = 0;
    const q = {
      async copyText() {},
      async query(sql: string) {
        const kind = sql.includes("ON CONFLICT")
          ? "on conflict"
          : sql.trimStart().startsWith("WITH")
            ? "plain"
            : sql.split(" ").slice(0, 2).join(" ");
        sent.push(kind);
        // The second plain move meets a key a concurrent push stored meanwhile.
        if (kind === "plain" && ++plainMoves === 2)
          throw Object.assign(new Error("duplicate key"), { code: "23505" });
        return kind === "plain" || kind === "on conflict" ? [{ n: 10 }] : [];
      },
    } as unknown as BulkRunner;
    const log: string[] = [];
    expect(await stageAndMove(q, chunks(log, ["a", "b", "c"]))).toBe(30);
    expect(sent).toEqual([
      ...["SAVEPOINT move_chunk", "plain", "RELEASE SAVEPOINT", 'TRUNCATE "audit_events_stage"'],
      ...["SAVEPOINT move_chunk", "plain", "ROLLBACK TO", "RELEASE SAVEPOINT", "on conflict"],
      'TRUNCATE "audit_events_stage"',
      ...["on conflict", 'TRUNCATE "audit_events_stage"'],
    ]);
  });
});
