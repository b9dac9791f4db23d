// In-process limits that keep sign-in guessing and log flooding cheap to refuse. They live in
// memory, per server instance (the per-account lockout in the database is the durable one).

/** Counts events per key in a sliding window; forgets keys whose window has passed. */
export class WindowCounter {
  private readonly hits = new Map<string, number[]>();
  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list;
  }

  /** Whether the key is at its limit already (nothing is counted). */
  full(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  /** Counts one event; false when the key was already at its limit (then it is not counted). */
  take(key: string, now = Date.now()): boolean {
    const list = this.recent(key, now);
    if (list.length >= this.limit) return false;
    // A flood of distinct keys must not grow memory without bound: drop the oldest key.
    if (!this.hits.has(key) && this.hits.size >= this.maxKeys) {
      const oldest = this.hits.keys().next().value;
      if (oldest !== undefined) this.hits.delete(oldest);
    }
    this.hits.set(key, [...list, now]);
    return true;
  }
}

/** Runs at most `max` tasks at once; a task arriving when all slots are busy is not run. */
export class Gate {
  private running = 0;
  constructor(readonly max: number) {}
  async tryRun<T>(task: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    if (this.running >= this.max) return { ran: false };
    this.running++;
    try {
      return { ran: true, value: await task() };
    } finally {
      this.running--;
    }
  }
}

const MINUTE = 60_000;

/** Failed sign-ins from one address: 20 per 15 minutes, then refused without checking. */
export const addressFailures = new WindowCounter(20, 15 * MINUTE);
/** Timing-equalising hashes for unknown emails: two at a time, so a flood cannot take the CPU. */
export const unknownEmailHashing = new Gate(2);
/** Security events written to the activity log: 30 per key and 1,000 overall per 15 minutes. */
const perKey = new WindowCounter(30, 15 * MINUTE);
const overall = new WindowCounter(1000, 15 * MINUTE);
export function mayRecord(key: string, now = Date.now()): boolean {
  if (perKey.full(key, now) || overall.full("all", now)) return false;
  perKey.take(key, now);
  overall.take("all", now);
  return true;
}

/** The client's address as the nearest proxy saw it (the last X-Forwarded-For entry). */
export function clientAddress(headers: Headers | null | undefined): string {
  const forwarded = headers?.get("x-forwarded-for") ?? "";
  const last = forwarded.split(",").pop()?.trim();
  return last && last.length <= 64 ? last : "unknown";
}
