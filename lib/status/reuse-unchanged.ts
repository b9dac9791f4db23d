// Rows read again after a change are mostly what they were: after one test run, one control's
// evidence and run days differ and the other controls' read the same. A value built from the same
// source text as the value it would replace is that value, kept as the same object, so that what
// was derived from it (a control's coverage, compute.ts) can be kept with it. Pure but for this
// weak map, which forgets a value once nothing else holds it.
const sources = new WeakMap<object, string>();

/**
 * `previous` when it was built from this same `source` text (by this function), else `build()`,
 * remembered as built from `source`. `build` must depend on nothing but `source`.
 */
export function reuseUnchanged<T extends object>(
  previous: T | undefined,
  source: string,
  build: () => T,
): T {
  if (previous !== undefined && sources.get(previous) === source) return previous;
  const value = build();
  sources.set(value, source);
  return value;
}
