import Link from "next/link";
import { isoDay } from "@/lib/dates";
import type { PhaseDetail } from "@/lib/phases/phase-queries";
import { removePhaseItemAction, setPhaseItemDoneAction } from "@/lib/actions/phase-actions";
import { RemoveButton } from "@/components/ui/remove-button";
import { ToggleForm } from "@/components/ui/toggle-form";
import type { EvidenceOption } from "./evidence-select";
import { ItemEvidenceForm } from "./item-evidence-form";

const TITLES = {
  deliverable: "Deliverables",
  ordering: "Ordering constraints (in this order)",
  testing: "Testing checklist",
} as const;

export function PhaseChecklists({
  items,
  editable,
  evidence,
}: {
  items: PhaseDetail["items"];
  editable: boolean;
  evidence: EvidenceOption[];
}) {
  return (
    <>
      {(["deliverable", "ordering", "testing"] as const).map((kind) => {
        const list = items.filter((i) => i.kind === kind);
        if (list.length === 0 && kind !== "deliverable") return null;
        const List = kind === "ordering" ? "ol" : "ul";
        return (
          <section
            key={kind}
            className="rounded-xl border border-slate-200 bg-white p-6 text-sm"
            data-testid={`phase-${kind}s`}
          >
            <h2 className="mb-3 font-semibold">
              {TITLES[kind]}{" "}
              <span className="font-normal text-slate-500">
                ({list.filter((i) => i.doneAt).length}/{list.length} done)
              </span>
            </h2>
            {list.length === 0 ? (
              <p className="text-slate-600">
                No deliverables yet.{editable ? " Add the first one below." : ""}
              </p>
            ) : (
              <List
                className={`flex flex-col gap-3 ${kind === "ordering" ? "list-decimal pl-5" : ""}`}
              >
                {list.map((i, n) => (
                  <li
                    key={i.id}
                    data-testid={`item-${kind}-${n + 1}`}
                    data-done={i.doneAt ? "true" : "false"}
                  >
                    <ToggleForm
                      action={setPhaseItemDoneAction}
                      fields={{ itemId: i.id }}
                      flag="done"
                      checked={i.doneAt !== null}
                      disabled={!editable}
                      testId={`tick-${kind}-${n + 1}`}
                      label={
                        <span className={i.doneAt ? "text-slate-800" : "text-slate-900"}>
                          {i.text}
                        </span>
                      }
                    />
                    <div className="ml-6 flex flex-col gap-1 text-xs text-slate-600">
                      {i.detail && <p className="whitespace-pre-line">{i.detail}</p>}
                      {i.files.length > 0 && (
                        <ul className="font-mono">
                          {i.files.map((f) => (
                            <li key={f.path + f.change}>
                              <span className="font-sans font-semibold">{f.change}</span> {f.path}
                              {f.note && <span className="font-sans"> — {f.note}</span>}
                            </li>
                          ))}
                        </ul>
                      )}
                      {i.evidence && (
                        <p>
                          Evidence:{" "}
                          <Link
                            href={`/evidence/${i.evidence.id}`}
                            className="text-indigo-700 underline"
                          >
                            {i.evidence.title}
                          </Link>
                        </p>
                      )}
                      {editable && kind === "deliverable" && (
                        <ItemEvidenceForm
                          itemId={i.id}
                          testKey={`${kind}-${n + 1}`}
                          current={i.evidence?.id ?? null}
                          options={evidence}
                        />
                      )}
                      {editable && (
                        <RemoveButton
                          action={removePhaseItemAction}
                          fields={{ itemId: i.id }}
                          confirmText={`Remove "${i.text}"? The activity log keeps a record of it.`}
                          testId={`remove-${kind}-${n + 1}`}
                        />
                      )}
                      {i.doneAt && (
                        <p>
                          Done by {i.doneBy?.name ?? "—"} on {isoDay(i.doneAt)}
                        </p>
                      )}
                    </div>
                  </li>
                ))}
              </List>
            )}
          </section>
        );
      })}
    </>
  );
}
