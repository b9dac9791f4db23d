"use client";
// One page of unmapped tests, each with a button that opens its map form. A client component of
// its own so the list of controls crosses to the browser once, not once per test; and the form,
// with a choice of every control, is rendered only for the test being mapped: rendered for all
// fifty, the page's HTML was 650 kB with 120 controls (issue 15).
import { useActionState, useEffect, useRef, useState } from "react";
import { createRuleAction } from "@/lib/actions/test-result-actions";
import type { UnmappedTest } from "@/lib/collectors/test-results/queries";
import { MapTestForm } from "./map-test-form";

const keyOf = (t: UnmappedTest) => `${t.suite}|${t.classname}|${t.name}|${t.file}`;

export function UnmappedTests({
  tests,
  controls,
  canMap,
}: {
  tests: UnmappedTest[];
  controls: { id: string; label: string }[];
  canMap: boolean;
}) {
  const [open, setOpen] = useState<string | null>(null);
  // One action for the list: its answer arrives with the page without the mapped test (and its
  // form), so it is shown, and focused, here.
  const [state, action, pending] = useActionState(createRuleAction, {});
  // Whose form sent it: a refusal is shown in that form only.
  const [sentFor, setSentFor] = useState<string | null>(null);
  const done = state.ok ? (state.message ?? null) : null;
  // A form whose rule was added is closed (its test has usually left the list with it).
  const shown = state.ok && sentFor !== null && sentFor === open ? null : open;
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.ok) doneRef.current?.focus();
  }, [state]);
  // A cancelled form gives focus back to its test's button, once that is rendered again.
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    if (refocus.current === null) return;
    buttons.current.get(refocus.current)?.focus();
    refocus.current = null;
  });
  return (
    <>
      {done && (
        <p
          ref={doneRef}
          tabIndex={-1}
          role="status"
          data-testid="map-done"
          className="mb-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {done}
        </p>
      )}
      <ul className="flex flex-col gap-3 text-sm" data-testid="unmapped">
        {tests.map((t) => (
          <li key={keyOf(t)} data-testid="unmapped-test" data-name={t.name}>
            <p>
              <span className="font-medium">{t.name}</span>{" "}
              <span className="text-slate-500">
                — {t.classname ?? t.suite}
                {t.file ? ` (${t.file})` : ""}, last {t.lastStatus}
              </span>
            </p>
            {canMap &&
              controls.length > 0 &&
              (shown === keyOf(t) ? (
                <MapTestForm
                  name={t.name}
                  controls={controls}
                  action={(form) => {
                    setSentFor(keyOf(t));
                    action(form);
                  }}
                  state={!state.ok && sentFor === keyOf(t) ? state : {}}
                  pending={pending}
                  onCancel={() => {
                    setOpen(null);
                    refocus.current = keyOf(t);
                  }}
                />
              ) : (
                <button
                  type="button"
                  ref={(el) => {
                    if (el) buttons.current.set(keyOf(t), el);
                    else buttons.current.delete(keyOf(t));
                  }}
                  onClick={() => {
                    setSentFor(null);
                    setOpen(keyOf(t));
                  }}
                  aria-label={`Map ${t.name} to a control`}
                  className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm hover:bg-slate-100"
                  data-testid="open-map-test"
                >
                  Map to a control…
                </button>
              ))}
          </li>
        ))}
      </ul>
    </>
  );
}
