// Five months of the demo application's audit log. `login_failed` stops 40 days ago: the
// failure mode of the phase-25 verification report, where the audit writer exists but the
// login path never calls it — the control expecting those events shows the silence.
import { dedupeKeyOf } from "@/lib/collectors/audit/dedupe-key";
import type { ParsedEvent } from "@/lib/collectors/audit/parse";
import { DAY_MS } from "@/lib/dates";

// Deterministic, so the demo is the same every time it is loaded on the same day.
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PER_DAY: [string, number][] = [
  ["login", 24],
  ["logout", 15],
  ["login_failed", 3],
  ["access_denied", 1.5],
  ["permission_changed", 0.5],
  ["user_registered", 1],
  ["email_verified", 0.9],
  ["invite_accepted", 0.6],
  ["user_suspended", 0.2],
];

export const SILENT_ACTION = "login_failed";
const SILENT_FOR_DAYS = 40;

export function demoAuditEvents(today: Date, days = 150): ParsedEvent[] {
  const rand = prng(2026);
  const users = Array.from({ length: 40 }, (_, i) => `user${i + 1}@vasdj.example`);
  const out: ParsedEvent[] = [];
  for (let d = days; d >= 1; d--) {
    const dayStart = today.getTime() - d * DAY_MS;
    for (const [action, rate] of PER_DAY) {
      if (action === SILENT_ACTION && d < SILENT_FOR_DAYS) continue;
      const n = Math.floor(rate + rand());
      for (let i = 0; i < n; i++) {
        const occurredAt = new Date(dayStart + Math.floor(rand() * DAY_MS));
        const actor = users[Math.floor(rand() * users.length)] ?? null;
        const ip = `203.0.113.${1 + Math.floor(rand() * 250)}`;
        const outcome =
          action === "login_failed" || action === "access_denied" ? "failure" : "success";
        const at = occurredAt.toISOString();
        const key = dedupeKeyOf(`demo|${at}|${action}|${actor}|${i}`, at);
        out.push({
          occurredAtMs: occurredAt.getTime(),
          action,
          actor,
          organisation: "acme",
          ip,
          outcome,
          target: action === "permission_changed" ? `membership:${Math.floor(rand() * 500)}` : null,
          metadataJson: null,
          dedupeKey: key,
        });
      }
    }
  }
  return out;
}
