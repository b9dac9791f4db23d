import { z } from "zod";
import { CRITERION_ID, lines, optionalUuid } from "@/lib/validation/fields";

const CODE = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

export interface RequirementLine {
  code: string;
  description: string;
  criteria: string[];
}

/** "TENANT-01 | Tenants table | CC6.1, CC6.6" → a requirement; returns an error message for a bad line. */
export function parseRequirementLine(line: string): RequirementLine | string {
  const [code = "", description = "", criteria = ""] = line.split("|").map((p) => p.trim());
  if (!CODE.test(code)) return `"${code}" is not a requirement id like TENANT-01`;
  const ids = criteria.split(/[\s,]+/).filter(Boolean);
  const bad = ids.find((c) => !CRITERION_ID.test(c));
  if (bad) return `"${bad}" (in ${code}) is not a criterion id like CC6.1`;
  return { code, description, criteria: [...new Set(ids)] };
}

const requirementLines = lines.transform((all, ctx) => {
  const out: RequirementLine[] = [];
  for (const line of all) {
    const r = parseRequirementLine(line);
    if (typeof r === "string") ctx.addIssue({ code: "custom", message: r });
    else if (out.some((o) => o.code === r.code))
      ctx.addIssue({ code: "custom", message: `${r.code} is listed twice` });
    else out.push(r);
  }
  return out;
});

export const phaseSchema = z.object({
  number: z.coerce
    .number({ message: "Enter a phase number" })
    .int("Enter a whole number")
    .min(0)
    .max(9999),
  title: z.string().trim().min(1, "Enter a title").max(200),
  goal: z.string().trim().max(5000).optional().default(""),
  progress: z.enum(["pending", "in_progress", "complete"], {
    message: "Choose the phase's progress",
  }),
  ownerId: optionalUuid,
  nextSteps: lines.pipe(z.array(z.string().max(1000)).max(100)),
  requirements: requirementLines.pipe(
    z
      .array(
        z.object({
          code: z.string(),
          description: z.string().max(500),
          criteria: z.array(z.string()),
        }),
      )
      .max(100),
  ),
});
export type PhaseInput = z.output<typeof phaseSchema>;

export const updatePhaseSchema = z.intersection(z.object({ id: z.uuid() }), phaseSchema);

export interface FileLine {
  path: string;
  change: "created" | "modified" | "referenced";
  note: string;
}

/** "created: path — note" / "modified: path - note" / "path" (referenced). */
export function parseFileLine(line: string): FileLine {
  const m = /^(created|modified|referenced)\s*:\s*(.+)$/i.exec(line);
  const change = (m?.[1]?.toLowerCase() ?? "referenced") as FileLine["change"];
  const [path = "", ...note] = (m?.[2] ?? line).split(/\s+[—-]\s+/);
  return { path: path.trim().replace(/^`|`$/g, ""), change, note: note.join(" — ").trim() };
}

export const phaseItemSchema = z.object({
  phaseId: z.uuid(),
  kind: z.enum(["deliverable", "ordering", "testing"]).default("deliverable"),
  text: z.string().trim().min(1, "Describe the item").max(1000),
  detail: z.string().trim().max(5000).optional().default(""),
  files: lines.pipe(z.array(z.string().max(500)).max(50)).transform((l) => l.map(parseFileLine)),
  evidenceId: optionalUuid,
});
export type PhaseItemInput = z.output<typeof phaseItemSchema>;

export const phaseItemIdSchema = z.object({ itemId: z.uuid() });

export const itemEvidenceSchema = z.object({ itemId: z.uuid(), evidenceId: optionalUuid });

export const itemDoneSchema = z.object({
  itemId: z.uuid(),
  done: z.enum(["true", "false"]).transform((v) => v === "true"),
});

const truthFields = {
  truth: z.string().trim().min(1, "State the observable truth").max(2000),
  requirements: z
    .string()
    .optional()
    .transform((v) => (v ?? "").split(/[\s,]+/).filter(Boolean))
    .pipe(z.array(z.string().regex(CODE, "Use requirement ids like TENANT-01")).max(20)),
};

export const mustHaveSchema = z.object({ phaseId: z.uuid(), ...truthFields });
export type MustHaveInput = z.output<typeof mustHaveSchema>;

export const mustHaveEditSchema = z.object({ mustHaveId: z.uuid(), ...truthFields });
export type MustHaveEdit = z.output<typeof mustHaveEditSchema>;

export const mustHaveIdSchema = z.object({ mustHaveId: z.uuid() });

export const verifySchema = z
  .object({
    mustHaveId: z.uuid(),
    verdict: z.enum(["verified", "partial", "failed"], {
      message: "Choose VERIFIED, PARTIAL or FAILED",
    }),
    reason: z.string().trim().max(5000).optional().default(""),
    observation: z.string().trim().max(5000).optional().default(""),
    missing: lines.pipe(z.array(z.string().max(1000)).max(50)),
    evidenceId: optionalUuid,
  })
  .superRefine((v, ctx) => {
    if (v.verdict !== "verified" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why it is not verified" });
  });
export type VerifyInput = z.output<typeof verifySchema>;
