"use client";
// One page of unmapped tests with a map form each. A client component of its own so the list of
// controls crosses to the browser once, not once per test.
import type { UnmappedTest } from "@/lib/collectors/test-results/queries";
import { MapTestForm } from "./map-test-form";

export function UnmappedTests({
  tests,
  controls,
  canMap,
}: {
  tests: UnmappedTest[];
  controls: { id: string; label: string }[];
  canMap: boolean;
}) {
  return (
    <ul className="flex flex-col gap-3 text-sm" data-testid="unmapped">
      {tests.map((t) => (
        <li
          key={`${t.suite}|${t.classname}|${t.name}|${t.file}`}
          data-testid="unmapped-test"
          data-name={t.name}
        >
          <p>
            <span className="font-medium">{t.name}</span>{" "}
            <span className="text-slate-500">
              — {t.classname ?? t.suite}
              {t.file ? ` (${t.file})` : ""}, last {t.lastStatus}
            </span>
          </p>
          {canMap && controls.length > 0 && <MapTestForm name={t.name} controls={controls} />}
        </li>
      ))}
    </ul>
  );
}
