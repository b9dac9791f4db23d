// Helpers shared by the bench and its child processes. The children measure their own RSS from
// their first line on, so this file imports nothing but types and Node.js built-ins.
import os from "node:os";
import type { Database } from "../db/open";
import type { SystemActor } from "../auth/actor";

export const MB = 1024 * 1024;
/** Printed sizes: "12 MB". */
export const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;
/** Sizes as figures (the `--json` keys and the children's messages). */
export const wholeMb = (bytes: number) => Math.round(bytes / MB);
export const perSec = (n: number, ms: number) => Math.round(n / (ms / 1000));
export const rate = (n: number, ms: number) => `${perSec(n, ms).toLocaleString("en")} /s`;
export const median = (xs: number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** On a shared machine the figures follow the load: printed with them. */
export const loadAverage = (digits = 2) =>
  os
    .loadavg()
    .map((l) => l.toFixed(digits))
    .join(" ");

export const BENCH: SystemActor = { kind: "system", id: null, email: "bench" };

/** The data layer reaches the database through db(): point it at the lane's database. */
export function serve(d: Database): void {
  (globalThis as { __trustboardDb?: Promise<Database> }).__trustboardDb = Promise.resolve(d);
}

export function unserve(): void {
  (globalThis as { __trustboardDb?: unknown }).__trustboardDb = undefined;
}
