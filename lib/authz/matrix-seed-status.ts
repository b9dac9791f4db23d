// The matrix's controls and evidence, and the status-engine states some entries act on: a control
// with a finding (an expected audit event never seen) and one with an active override.
import { createControl } from "@/lib/controls/controls";
import { controlSchema } from "@/lib/controls/schemas";
import { createEvidence } from "@/lib/evidence/evidence";
import { evidenceSchema } from "@/lib/evidence/schemas";
import { prepareUpload } from "@/lib/evidence/upload";
import { addExpectedEvent } from "@/lib/collectors/audit/expected-events";
import { createOverride } from "@/lib/status/overrides";
import { computeWorkspaceStatus } from "@/lib/status/compute";
import type { SeedTools } from "./matrix-seed-tools";

export async function seedControlsAndEvidence({ admin, day }: SeedTools) {
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

  return {
    controlId,
    archivableControlId,
    overriddenControlId,
    findingControlId,
    finding,
    evidenceId,
    noteEvidenceId,
  };
}
