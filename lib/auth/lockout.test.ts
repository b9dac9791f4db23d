import { describe, expect, it } from "vitest";
import { CLEARED, LOCK_MS, afterFailure, lockedUntil, type LockoutState } from "./lockout";

const t0 = new Date("2026-11-24T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function fail(times: number, stepMinutes: number, start: LockoutState = CLEARED): LockoutState {
  let s = start;
  for (let i = 0; i < times; i++) s = afterFailure(s, at(i * stepMinutes));
  return s;
}

describe("account lockout", () => {
  it("does not lock after four failures", () => {
    const s = fail(4, 1);
    expect(s.failedLogins).toBe(4);
    expect(lockedUntil(s, at(4))).toBeNull();
  });

  it("locks for 15 minutes on the fifth failure within 15 minutes", () => {
    const s = fail(5, 3); // failures at 0,3,6,9,12 minutes
    expect(lockedUntil(s, at(12))).toEqual(new Date(at(12).getTime() + LOCK_MS));
    expect(lockedUntil(s, at(26))).not.toBeNull();
    expect(lockedUntil(s, at(27.01))).toBeNull();
  });

  it("starts a new window when failures are spread over more than 15 minutes", () => {
    const s = fail(5, 4); // 0,4,8,12 then 16: the window restarts at 16
    expect(lockedUntil(s, at(16))).toBeNull();
    expect(s.failedLogins).toBe(1);
  });
});
