// Inputs and outputs of the status engine. Pure data: no database, no clock of its own.
import type { ControlCoverage } from "@/lib/coverage/types";

export type Status = "met" | "at_risk" | "gap" | "not_started" | "not_applicable";
export type Design = "effective" | "partial" | "missing" | "not_applicable";
export type Operating = "effective" | "partial" | "none" | "not_applicable";
export type Severity = "gap" | "warning" | "info";

export interface SourceRef {
  type:
    "control" | "evidence" | "criterion" | "override" | "signal" | "backlog" | "phase" | "coverage";
  id: string;
  label: string;
}

export interface Reason {
  severity: Severity;
  text: string;
  source: SourceRef;
}

export interface Period {
  start: Date;
  end: Date;
}

export interface EvidenceInput {
  id: string;
  title: string;
  state: "draft" | "in_review" | "accepted" | "rejected" | "expired";
  evidenceDate: Date;
  periodStart: Date | null;
  periodEnd: Date | null;
  /** Resolved expiry (explicit date, or evidence date + renewal interval); null = does not expire. */
  expiresAt: Date | null;
  /** Automated evidence that arrived too old or dated in the future: why it is not current. */
  notCurrentReason?: string | null;
}

/**
 * Something outside evidence that holds a control back: an open P0/P1 backlog item, a phase
 * with failed must-haves, failing mapped tests, a silent audit event stream. Later features
 * produce these; the engine only needs the effect and the reason.
 */
export interface Signal {
  effect: "at_risk" | "gap";
  text: string;
  source: SourceRef;
}

export interface OverrideInput {
  status: Status;
  justification: string;
  expiresAt: Date;
  by: string;
}

export interface ControlInput {
  id: string;
  title: string;
  implementation: "not_started" | "in_progress" | "implemented" | "not_applicable";
  naJustification: string | null;
  evidence: EvidenceInput[];
  signals: Signal[];
  override: OverrideInput | null;
  /**
   * Coverage over the audit period (lib/coverage). When given and something of the period can
   * be judged, operating effectiveness (Type II) comes from it instead of today's evidence.
   */
  coverage?: ControlCoverage | null;
}

export interface CriterionInput {
  id: string;
  title: string;
  controls: ControlResult[];
  /** Held back directly (a backlog item or a phase gap linked to the criterion), not through a control. */
  signals: Signal[];
  override: OverrideInput | null;
}

export interface Evaluation {
  /** What Trustboard shows: the override's status while one is active, else the computed one. */
  status: Status;
  computed: Status;
  overridden: boolean;
  design: Design;
  operating: Operating;
  reasons: Reason[];
}

export interface ControlResult extends Evaluation {
  id: string;
  title: string;
}

export interface EngineContext {
  now: Date;
  period: Period | null;
}
