"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ADMINS, WRITERS } from "@/lib/auth/guard";
import {
  addRevision,
  createEvidence,
  reviewEvidence,
  setEvidenceControls,
} from "@/lib/evidence/evidence";
import { evidenceSchema, reviewSchema } from "@/lib/evidence/schemas";
import { prepareUpload } from "@/lib/evidence/upload";
import type { SecretFinding } from "@/lib/evidence/secret-scan";
import {
  echoValues,
  fieldErrors,
  formObject,
  safeAction,
  userMessage,
  type ActionState,
} from "./safe-action";
import { actionUser } from "./safe-action";

export interface UploadState extends ActionState {
  /** Secrets found in the chosen file: the user decides to redact or keep, then submits again. */
  findings?: SecretFinding[];
  duplicate?: string;
}

export async function createEvidenceAction(
  _prev: UploadState,
  form: FormData,
): Promise<UploadState> {
  const { user, refused } = await actionUser(WRITERS, "add evidence");
  if (refused) return refused;
  const { file: _file, ...fields } = formObject(form);
  const parsed = evidenceSchema.safeParse(fields);
  if (!parsed.success)
    return {
      ok: false,
      message: "Check the highlighted fields.",
      errors: fieldErrors(parsed.error),
      values: echoValues(form),
    };
  let id: string;
  try {
    let prepared = null;
    if (parsed.data.kind === "file") {
      const p = await prepareUpload(form.get("file") as File | null, parsed.data.secrets);
      if (p.kind === "needs-decision") {
        return {
          ok: false,
          findings: p.findings,
          message: `${p.fileName} contains what looks like ${p.findings.length} secret(s). Nothing was saved: redact them or keep the file as it is.`,
          values: echoValues(form),
        };
      }
      prepared = p.file;
    }
    const created = await createEvidence(user, parsed.data, prepared);
    id = created.id;
  } catch (err) {
    return { ok: false, message: userMessage(err), values: echoValues(form) };
  }
  revalidatePath("/", "layout");
  redirect(`/evidence/${id}`);
}

export async function addRevisionAction(_prev: UploadState, form: FormData): Promise<UploadState> {
  const { user, refused } = await actionUser(WRITERS, "upload evidence");
  if (refused) return refused;
  const parsed = z
    .object({ id: z.uuid(), secrets: z.enum(["redact", "keep"]).optional() })
    .safeParse(formObject(form));
  if (!parsed.success) return { ok: false, message: "Invalid request." };
  try {
    const p = await prepareUpload(form.get("file") as File | null, parsed.data.secrets);
    if (p.kind === "needs-decision")
      return {
        ok: false,
        findings: p.findings,
        message: `${p.fileName} contains what looks like ${p.findings.length} secret(s). Nothing was saved: redact them or keep the file as it is.`,
      };
    const r = await addRevision(user, parsed.data.id, p.file);
    revalidatePath(`/evidence/${parsed.data.id}`);
    return {
      ok: true,
      message: `Revision ${r.number} uploaded; it needs a new review.`,
      duplicate: r.duplicateOf
        ? `Identical content was already uploaded as "${r.duplicateOf.title}" revision ${r.duplicateOf.revision}.`
        : undefined,
    };
  } catch (err) {
    return { ok: false, message: userMessage(err) };
  }
}

const review = safeAction({
  roles: ADMINS,
  schema: reviewSchema,
  what: "accept or reject evidence",
  async run(input, user) {
    await reviewEvidence(user, input.id, input.decision, input.comment);
    revalidatePath("/", "layout");
    return input.decision === "accept" ? "Evidence accepted." : "Evidence rejected.";
  },
});

const link = safeAction({
  roles: WRITERS,
  schema: z.object({
    id: z.uuid(),
    controls: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.uuid())),
  }),
  what: "link evidence",
  async run(input, user) {
    await setEvidenceControls(user, input.id, input.controls);
    revalidatePath("/", "layout");
    return "Links saved.";
  },
});

export async function reviewEvidenceAction(prev: ActionState, form: FormData) {
  return review(prev, form);
}
export async function linkEvidenceAction(prev: ActionState, form: FormData) {
  return link(prev, form);
}
