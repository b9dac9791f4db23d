// Five failed sign-ins for one account within 15 minutes lock it for 15 minutes.
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

export interface LockoutState {
  failedLogins: number;
  firstFailedAt: Date | null;
  lockedUntil: Date | null;
}

export function lockedUntil(state: LockoutState, now: Date): Date | null {
  return state.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
}

export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const windowOpen =
    state.firstFailedAt !== null &&
    now.getTime() - state.firstFailedAt.getTime() < FAILURE_WINDOW_MS;
  const failedLogins = windowOpen ? state.failedLogins + 1 : 1;
  const firstFailedAt = windowOpen ? state.firstFailedAt : now;
  if (failedLogins >= MAX_FAILURES) {
    return { failedLogins: 0, firstFailedAt: null, lockedUntil: new Date(now.getTime() + LOCK_MS) };
  }
  return { failedLogins, firstFailedAt, lockedUntil: null };
}

export const CLEARED: LockoutState = { failedLogins: 0, firstFailedAt: null, lockedUntil: null };
