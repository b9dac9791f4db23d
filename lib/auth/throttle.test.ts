import { describe, expect, it } from "vitest";
import { Gate, WindowCounter, clientAddress, mayRecord } from "./throttle";

describe("sign-in throttles", () => {
  it("counts per key within the window and forgets after it", () => {
    const c = new WindowCounter(2, 1000);
    expect(c.take("a", 0)).toBe(true);
    expect(c.take("a", 10)).toBe(true);
    expect(c.take("a", 20)).toBe(false);
    expect(c.full("a", 20)).toBe(true);
    expect(c.take("b", 20)).toBe(true);
    expect(c.take("a", 1005)).toBe(true);
  });

  it("keeps a bounded number of keys", () => {
    const c = new WindowCounter(1, 1000, 3);
    for (const k of ["a", "b", "c", "d"]) c.take(k, 0);
    expect(c.full("a", 1)).toBe(false);
    expect(c.full("d", 1)).toBe(true);
  });

  it("runs at most max tasks at once", async () => {
    const g = new Gate(2);
    let release!: () => void;
    const wait = new Promise<void>((r) => (release = r));
    const a = g.tryRun(() => wait);
    const b = g.tryRun(() => wait);
    expect(await g.tryRun(async () => 1)).toEqual({ ran: false });
    release();
    await Promise.all([a, b]);
    expect(await g.tryRun(async () => 1)).toEqual({ ran: true, value: 1 });
  });

  it("reads the address the nearest proxy appended", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("lets 30 security events per key into the activity log per window, then drops them", () => {
    const results = Array.from({ length: 35 }, () => mayRecord("refuse:x@y:GET /api"));
    expect(results.filter(Boolean)).toHaveLength(30);
    expect(mayRecord("refuse:other@y:GET /api")).toBe(true);
  });
});
