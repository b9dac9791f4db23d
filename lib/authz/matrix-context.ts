// The records the authorization matrix acts on, created once through the data layer (as an
// admin: some functions record the account that made a record), so that every registry entry can
// build a valid input and an allowed call really does its work. Destructive entries (remove,
// revoke, deactivate, archive) get records of their own, so they never take away what another
// entry, or an actor, needs.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { CLI_ACTOR, type UserActor } from "@/lib/auth/actor";
import { addDays, isoDay } from "@/lib/dates";
import { createControl } from "@/lib/controls/controls";
import { controlSchema } from "@/lib/controls/schemas";
import { createEvidence } from "@/lib/evidence/evidence";
import { evidenceSchema } from "@/lib/evidence/schemas";
import { prepareUpload } from "@/lib/evidence/upload";
import { createPhase, addPhaseItem } from "@/lib/phases/phase-writes";
import { addMustHave, verifyMustHave } from "@/lib/phases/must-haves";
import { mustHaveSchema, phaseItemSchema, phaseSchema, verifySchema } from "@/lib/phases/schemas";
import { addBacklogCheck } from "@/lib/backlog/backlog-checks";
import { createBacklogItem } from "@/lib/backlog/backlog-writes";
import { backlogSchema } from "@/lib/backlog/schemas";
import { createUser } from "@/lib/users/users";
import { inviteUser } from "@/lib/auth/invitations";
import { createToken } from "@/lib/collectors/tokens";
import { createMappingRule } from "@/lib/collectors/test-results/rules";
import { addResultDirectory } from "@/lib/collectors/test-results/directories";
import { addExpectedEvent } from "@/lib/collectors/audit/expected-events";
import { storeAuditEvents } from "@/lib/collectors/audit/ingest";
import { parseAuditEvents } from "@/lib/collectors/audit/parse";
import { encryptSecret } from "@/lib/collectors/audit/crypto";
import { secretKey } from "@/lib/collectors/audit/secret-key";
import { createOverride } from "@/lib/status/overrides";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import { createStoredPackage } from "@/lib/package/stored-packages";

/** A PostgreSQL address nothing listens on: a pull or a connection test fails at once, on a business rule. */
export const UNREACHABLE_SOURCE = "postgresql://nobody:x@127.0.0.1:1/none";
export const REQUIREMENT = "MATRIX-01";

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
  const prisma = await db();
  let n = 0;
  const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++n}`;
  const day = (offset = 0) => isoDay(addDays(new Date(), offset));

  const control = (title: string) =>
    createControl(
      admin,
      controlSchema.parse({ title, implementation: "in_progress", criteria: "CC6.1" }),
    );
  const { id: controlId } = await control("Matrix control");
  const { id: archivableControlId } = await control("Matrix control to archive");
  const { id: overriddenControlId } = await control("Matrix control with an override");
  const { id: findingControlId } = await control("Matrix control with a finding");
  await addExpectedEvent(admin, {
    controlId: findingControlId,
    action: "matrix.silent",
    maxSilenceDays: 7,
  });
  const finding = (await computeWorkspaceStatus(admin)).controls
    .get(findingControlId)
    ?.reasons.find((r) => r.source.type === "signal")?.text;
  if (!finding) throw new Error("The status engine reports no finding on the seeded control");
  await createOverride(admin, {
    targetType: "control",
    targetId: overriddenControlId,
    status: "met",
    justification: "Matrix seed: verified by hand during the walkthrough.",
    until: day(30),
  });

  const prepared = await prepareUpload(
    new File(["Matrix evidence, revision 1.\n"], "matrix-policy.txt", { type: "text/plain" }),
    undefined,
  );
  if (prepared.kind !== "ready") throw new Error("The seed evidence file was not accepted");
  const { id: evidenceId } = await createEvidence(
    admin,
    evidenceSchema.parse({
      title: "Matrix evidence",
      kind: "file",
      evidenceDate: day(0),
      controls: controlId,
    }),
    prepared.file,
  );
  const { id: noteEvidenceId } = await createEvidence(
    admin,
    evidenceSchema.parse({
      title: "Matrix note to review",
      kind: "note",
      body: "Reviewed by the matrix.",
      evidenceDate: day(0),
      controls: controlId,
    }),
    null,
  );

  const phaseNumber = 900;
  await createPhase(
    admin,
    phaseSchema.parse({
      number: String(phaseNumber),
      title: "Matrix phase",
      progress: "in_progress",
      requirements: `${REQUIREMENT} | Matrix requirement | CC6.1`,
    }),
  );
  const phase = await prisma.phase.findFirstOrThrow({ where: { number: phaseNumber } });
  for (const text of ["Matrix deliverable", "Matrix deliverable to remove"])
    await addPhaseItem(admin, phaseItemSchema.parse({ phaseId: phase.id, text }));
  const items = await prisma.phaseItem.findMany({ where: { phaseId: phase.id } });
  const itemId = (text: string) => items.find((i) => i.text === text)!.id;
  const truths = ["verify", "edit", "remove", "fail"].map((t) => `Matrix must-have to ${t}`);
  for (const truth of truths)
    await addMustHave(
      admin,
      mustHaveSchema.parse({ phaseId: phase.id, truth, requirements: REQUIREMENT }),
    );
  const mustHaves = await prisma.mustHave.findMany({ where: { phaseId: phase.id } });
  const mustHaveId = (truth: string) => mustHaves.find((m) => m.truth === truth)!.id;
  const [verifyTruth, editTruth, removeTruth, failTruth] = truths as [
    string,
    string,
    string,
    string,
  ];
  await verifyMustHave(
    admin,
    verifySchema.parse({
      mustHaveId: mustHaveId(failTruth),
      verdict: "failed",
      reason: "Matrix seed: not there yet",
      missing: "The thing",
    }),
  );

  const backlog = async (title: string) => {
    const key = await createBacklogItem(admin, backlogSchema.parse({ title, priority: "P2" }));
    return (await prisma.backlogItem.findUniqueOrThrow({ where: { key } })).id;
  };
  const backlogItemId = await backlog("Matrix backlog item");
  const editableBacklogItemId = await backlog("Matrix backlog item to edit");
  for (const text of ["Matrix check", "Matrix check to remove"])
    await addBacklogCheck(admin, backlogItemId, text);
  const checks = await prisma.backlogCheck.findMany({ where: { itemId: backlogItemId } });
  const checkId = (text: string) => checks.find((c) => c.text === text)!.id;

  const userEmail = `${unique("matrix-target")}@example.test`;
  await createUser(admin, {
    email: userEmail,
    name: "Matrix target",
    role: "engineer",
    password: "correct horse battery staple",
    expires: null,
  });
  const { id: userId } = await prisma.user.findUniqueOrThrow({ where: { email: userEmail } });

  const credentialEmail = `${unique("matrix-credentials")}@example.test`;
  await createUser(admin, {
    email: credentialEmail,
    name: "Matrix credentials",
    role: "engineer",
    password: "correct horse battery staple",
    expires: null,
  });
  const { id: credentialUserId } = await prisma.user.findUniqueOrThrow({
    where: { email: credentialEmail },
  });
  const invited = await inviteUser(admin, {
    email: `${unique("matrix-invitee")}@example.test`,
    name: "Matrix invitee",
    role: "auditor",
    expires: day(30),
  });
  const invitationToken = invited.link.split("/").at(-1)!;

  const { id: tokenId } = await createToken(admin, {
    name: unique("matrix-revocable"),
    scopes: ["test-results", "audit-events", "findings"],
    expiresAt: null,
  });
  const { id: ownerlessTokenId } = await createToken(CLI_ACTOR, {
    name: unique("matrix-ownerless"),
    scopes: ["findings"],
  });

  await createMappingRule(admin, { field: "name", pattern: "matrix *", controlId });
  const { id: ruleId } = await prisma.testMappingRule.findFirstOrThrow({
    where: { pattern: "matrix *" },
  });

  mkdirSync(resultsRoot, { recursive: true });
  const newResultDirectory = () => mkdtempSync(path.join(resultsRoot, "dir-"));
  const pulled = newResultDirectory();
  writeFileSync(
    path.join(pulled, "matrix.xml"),
    `<testsuite name="matrix-dir" tests="1"><testcase classname="matrix" name="pulled" time="0.01"/></testsuite>\n`,
  );
  const { id: resultDirectoryId } = await addResultDirectory(
    admin,
    { name: unique("matrix-results"), path: pulled },
    [resultsRoot],
  );

  // Created directly: the data layer saves a source only after a live connection test.
  const { id: auditSourceId } = await prisma.auditSource.create({
    data: {
      name: unique("matrix-source"),
      connectionEnc: encryptSecret(UNREACHABLE_SOURCE, secretKey()),
      tableName: "audit_log",
      columns: { time: "created_at", action: "action" },
      cursorColumn: "id",
    },
  });

  await addExpectedEvent(admin, { controlId, action: "matrix.expected", maxSilenceDays: 7 });
  const { id: expectedEventId } = await prisma.expectedEvent.findFirstOrThrow({
    where: { controlId, action: "matrix.expected" },
  });

  // Events in the sampled population (the default mapping puts `login` under CC6.1).
  await storeAuditEvents(
    admin,
    parseAuditEvents(
      [1, 2, 3]
        .map((h) =>
          JSON.stringify({
            timestamp: new Date(Date.now() - h * 3_600_000).toISOString(),
            action: "login",
            actor: `matrix${h}@example.test`,
          }),
        )
        .join("\n"),
    ),
    "upload",
  );

  const { id: packageId } = await createStoredPackage(admin, {});

  return {
    admin: { email: admin.email, password: admin.password },
    controlId,
    archivableControlId,
    overriddenControlId,
    findingControlId,
    finding,
    evidenceId,
    noteEvidenceId,
    phaseId: phase.id,
    phaseNumber,
    phaseItemId: itemId("Matrix deliverable"),
    removablePhaseItemId: itemId("Matrix deliverable to remove"),
    mustHaveId: mustHaveId(verifyTruth),
    editableMustHaveId: mustHaveId(editTruth),
    removableMustHaveId: mustHaveId(removeTruth),
    failedMustHaveId: mustHaveId(failTruth),
    backlogItemId,
    editableBacklogItemId,
    backlogCheckId: checkId("Matrix check"),
    removableCheckId: checkId("Matrix check to remove"),
    userId,
    credentialUserId,
    invitationToken,
    tokenId,
    ownerlessTokenId,
    ruleId,
    resultDirectoryId,
    auditSourceId,
    expectedEventId,
    packageId,
    day,
    unique,
    serial: () => ++n,
    newResultDirectory,
  };
}
