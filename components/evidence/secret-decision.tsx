import { SECRET_KIND_LABEL } from "@/lib/evidence/labels";
import type { SecretFinding } from "@/lib/evidence/secret-scan";

export function FindingsList({ findings }: { findings: SecretFinding[] }) {
  return (
    <ul className="list-disc pl-5 text-sm" data-testid="secret-findings">
      {findings.map((f, i) => (
        <li key={i}>
          {SECRET_KIND_LABEL[f.kind]} on line {f.line}
          {f.file ? ` of ${f.file}` : ""}{" "}
          <span className="font-mono text-xs text-slate-600">{f.preview}</span>
        </li>
      ))}
    </ul>
  );
}

/** Shown when an upload was held back: submit again with a decision. */
export function SecretDecision({ findings }: { findings: SecretFinding[] }) {
  return (
    <div
      className="rounded-md border border-amber-300 bg-amber-50 p-4"
      data-testid="secret-decision"
    >
      <p className="mb-2 font-medium text-amber-900">Possible secrets found</p>
      <FindingsList findings={findings} />
      <div className="mt-3 flex gap-2">
        <button
          type="submit"
          name="secrets"
          value="redact"
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-semibold text-white"
          data-testid="redact-secrets"
        >
          Redact and upload
        </button>
        <button
          type="submit"
          name="secrets"
          value="keep"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
          data-testid="keep-secrets"
        >
          Keep as is and upload
        </button>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        Kept findings are listed on the evidence page for reviewers.
      </p>
    </div>
  );
}
