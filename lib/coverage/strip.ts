// What a coverage strip shows for one control or one criterion. Pure.
import { formatInterval } from "./coverage";
import { FREQUENCY_ADJECTIVE, FREQUENCY_LABEL, type Interval } from "./frequency";
import { cellsFor, columnsFor, combineCoverage, type Cell } from "./matrix";
import type { ControlCoverage } from "./types";

export interface StripView {
  summary: string;
  cells: Cell[];
  details: string[];
}

export function controlStrip(c: ControlCoverage, period: Interval): StripView {
  const how = c.derived ? "derived from its evidence" : "set on the control";
  const so = c.percent === null ? "nothing to judge yet" : `${c.percent}% coverage`;
  return {
    summary: `${FREQUENCY_LABEL[c.frequency]} (${how}) · operated in ${c.operated} of ${c.judged} ${FREQUENCY_ADJECTIVE[c.frequency]} occurrence(s) of ${formatInterval(period)} so far · ${so}`,
    cells: cellsFor(c, columnsFor(period)),
    details: [
      ...c.uncovered.map((u) => u.text),
      ...c.exceptions.map((e) => `Exception: ${e.text}`),
    ],
  };
}

export function criterionStrip(controls: ControlCoverage[], period: Interval): StripView {
  const combined = combineCoverage(controls, columnsFor(period));
  const so = combined.percent === null ? "nothing to judge yet" : `${combined.percent}% coverage`;
  return {
    summary: `${controls.length} applicable control(s) · operated in ${combined.operated} of ${combined.judged} occurrences of ${formatInterval(period)} so far · ${so}`,
    cells: combined.cells,
    details: controls.flatMap((c) => c.uncovered.map((u) => u.text)).slice(0, 20),
  };
}
