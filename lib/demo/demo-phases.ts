// The implementation programme of seed 004 (phases 0–10, migration order, testing checklist);
// the phase verification report of seed 001 (phase 25) is in demo-phase-25.ts.
import type { DemoPhase } from "./demo-phase-types";
import { PLANNED_DEMO_PHASES } from "./demo-phases-planned";
import { STARTED_DEMO_PHASES } from "./demo-phases-started";

export type { DemoFile, DemoItem, DemoMustHave, DemoPhase } from "./demo-phase-types";

export const DEMO_PHASES: DemoPhase[] = [...STARTED_DEMO_PHASES, ...PLANNED_DEMO_PHASES];
