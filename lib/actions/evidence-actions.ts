"use server";
import {
  addRevision,
  createEvidence,
  reviewEvidence,
  setEvidenceControls,
} from "@/lib/evidence/evidence";
import {
  createEvidenceSchema,
  evidenceControlsSchema,
  reviewSchema,
  revisionSchema,
} from "@/lib/evidence/schemas";
import type { SecretFinding } from "@/lib/evidence/secret-scan";
import { prepareUpload, type PreparedFile } from "@/lib/evidence/upload";
import { defineAction, type ActionState } from "./safe-action";

interface UploadData {
  /** Secrets found in the chosen file: the user decides to redact or keep, then submits again. */
  findings?: SecretFinding[];
  /** Where identical content was uploaded before. */
  duplicate?: string;
}

export type UploadState = ActionState & UploadData;

const held = (fileName: string, findings: SecretFinding[]) => ({
  ok: false,
  message: `${fileName} contains what looks like ${findings.length} secret(s). Nothing was saved: redact them or keep the file as it is.`,
  data: { findings },
});

export const createEvidenceAction = defineAction<typeof createEvidenceSchema, UploadData>({
  capability: "evidence.write",
  schema: createEvidenceSchema,
  async run({ file, ...fields }, user) {
    let prepared: PreparedFile | null = null;
    if (fields.kind === "file") {
      const p = await prepareUpload(file, fields.secrets);
      if (p.kind === "needs-decision") return held(p.fileName, p.findings);
      prepared = p.file;
    }
    const { id } = await createEvidence(user, fields, prepared);
    return { message: "Evidence added.", redirectTo: `/evidence/${id}` };
  },
});

export const addRevisionAction = defineAction<typeof revisionSchema, UploadData>({
  capability: "evidence.write",
  schema: revisionSchema,
  async run({ id, secrets, file }, user) {
    const p = await prepareUpload(file, secrets);
    if (p.kind === "needs-decision") return held(p.fileName, p.findings);
    const r = await addRevision(user, id, p.file);
    return {
      message: `Revision ${r.number} uploaded; it needs a new review.`,
      data: {
        duplicate: r.duplicateOf
          ? `Identical content was already uploaded as "${r.duplicateOf.title}" revision ${r.duplicateOf.revision}.`
          : undefined,
      },
    };
  },
});

export const reviewEvidenceAction = defineAction({
  capability: "evidence.review",
  schema: reviewSchema,
  async run(input, user) {
    await reviewEvidence(user, input.id, input.decision, input.comment, input.revision);
    return input.decision === "accept" ? "Evidence accepted." : "Evidence rejected.";
  },
});

export const setEvidenceControlsAction = defineAction({
  capability: "evidence.write",
  schema: evidenceControlsSchema,
  async run({ id, controls }, user) {
    const r = await setEvidenceControls(user, id, controls);
    return r.needsReview
      ? "Links saved. The evidence needs a new review for the controls it now proves."
      : "Links saved.";
  },
});
