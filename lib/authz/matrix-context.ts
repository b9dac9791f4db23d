// The records the authorization matrix acts on, created once through the data layer (as an
// admin: some functions record the account that made a record), so that every registry entry can
// build a valid input and an allowed call really does its work. Destructive entries (remove,
// revoke, deactivate, archive) get records of their own, so they never take away what another
// entry, or an actor, needs. Each area's records are seeded in a matrix-seed-*.ts of its own; this
// file says what the registry may rely on and puts them together.
import type { UserActor } from "@/lib/auth/actor";
import { addDays, isoDay } from "@/lib/dates";
import { seedAccessRecords } from "./matrix-seed-access";
import { seedCollectorRecords } from "./matrix-seed-collectors";
import { seedControlsAndEvidence } from "./matrix-seed-status";
import type { SeedTools } from "./matrix-seed-tools";
import { seedPhaseAndBacklog } from "./matrix-seed-work";

export { REQUIREMENT, UNREACHABLE_SOURCE } from "./matrix-seed-tools";

export interface MatrixContext {
  /** The admin who seeded everything (also a matrix actor). */
  admin: { email: string; password: string };
  controlId: string;
  archivableControlId: string;
  /** A control the status engine reports `finding` on (an expected audit event never seen). */
  findingControlId: string;
  finding: string;
  /** A control with an active status override, for revoking it. */
  overriddenControlId: string;
  /** File evidence with revision 1, in review, linked to controlId. */
  evidenceId: string;
  /** A note (no revisions): reviewed and re-linked by the matrix. */
  noteEvidenceId: string;
  phaseId: string;
  phaseNumber: number;
  phaseItemId: string;
  removablePhaseItemId: string;
  /** Not yet assessed (verify it). */
  mustHaveId: string;
  editableMustHaveId: string;
  removableMustHaveId: string;
  /** FAILED: it can become a backlog item. */
  failedMustHaveId: string;
  /** Open, with backlogCheckId and removableCheckId. */
  backlogItemId: string;
  editableBacklogItemId: string;
  backlogCheckId: string;
  removableCheckId: string;
  /** An engineer whose access and activation the matrix changes. */
  userId: string;
  /** An engineer the matrix issues reset links for and signs out everywhere. */
  credentialUserId: string;
  /** The token of an open invitation (its link's last segment), for using it. */
  invitationToken: string;
  /** An ingest token the matrix revokes (not one of the token actors). */
  tokenId: string;
  /** A token created by the CLI (no owner), which an administrator takes over. */
  ownerlessTokenId: string;
  ruleId: string;
  resultDirectoryId: string;
  auditSourceId: string;
  expectedEventId: string;
  /** A stored audit package, for downloading. */
  packageId: string;
  /** Day `offset` days from today (UTC), YYYY-MM-DD. */
  day(offset?: number): string;
  /** A name no earlier call used. */
  unique(prefix: string): string;
  /** 1, 2, 3, … (shared with unique). */
  serial(): number;
  /** A new, empty directory inside TRUSTBOARD_RESULTS_ROOTS. */
  newResultDirectory(): string;
}

/** Seeds the records; `resultsRoot` must be (inside) TRUSTBOARD_RESULTS_ROOTS and exist. */
export async function seedMatrixContext(
  admin: UserActor & { password: string },
  resultsRoot: string,
): Promise<MatrixContext> {
  let n = 0;
  const tools: SeedTools = {
    admin,
    unique: (prefix) => `${prefix}-${Date.now().toString(36)}-${++n}`,
    day: (offset = 0) => isoDay(addDays(new Date(), offset)),
  };
  const status = await seedControlsAndEvidence(tools);
  const work = await seedPhaseAndBacklog(tools);
  const access = await seedAccessRecords(tools);
  const collectors = await seedCollectorRecords(tools, status.controlId, resultsRoot);

  return {
    admin: { email: admin.email, password: admin.password },
    ...status,
    ...work,
    ...access,
    ...collectors,
    day: tools.day,
    unique: tools.unique,
    serial: () => ++n,
  };
}
