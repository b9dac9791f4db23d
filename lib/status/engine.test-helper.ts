// Inputs shared by the engine's table tests: a fixed clock passed in, never today's date.
import type { ControlInput, EngineContext, EvidenceInput } from "./types";

export const d = (s: string) => new Date(`${s}T00:00:00Z`);
export const ctx: EngineContext = {
  now: d("2026-06-15"),
  period: { start: d("2026-01-01"), end: d("2026-06-30") },
};

export function ev(over: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    id: "e1",
    title: "Argon2 config",
    state: "accepted",
    evidenceDate: d("2026-03-01"),
    periodStart: null,
    periodEnd: null,
    expiresAt: null,
    ...over,
  };
}

export function control(over: Partial<ControlInput> = {}): ControlInput {
  return {
    id: "c1",
    title: "Tenant isolation",
    implementation: "implemented",
    naJustification: null,
    evidence: [ev()],
    signals: [],
    override: null,
    ...over,
  };
}
