"use client";
// One page of unmapped tests, each with a button that opens its map form. A client component of
// its own so the list of controls crosses to the browser once, not once per test; and the form,
// with a choice of every control, is rendered only for the test being mapped: rendered for all
// fifty, the page's HTML was 650 kB with 120 controls (issue 15).
import { useState } from "react";
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
  return (
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
            (open === keyOf(t) ? (
              <MapTestForm name={t.name} controls={controls} />
            ) : (
              <button
                type="button"
                onClick={() => setOpen(keyOf(t))}
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
  );
}
