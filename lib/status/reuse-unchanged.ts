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

/**
 * The value of each row of `rows` (a key and the source text of its value), under its key: the
 * value `previous` holds under that key when it was built from the same text, else
 * `build(source)`. The query runs while a previous load still under way finishes; a previous load
 * that failed is no previous load.
 */
export async function reuseRows<T extends object>(
  rows: Promise<{ key: string; source: string }[]>,
  previous: Promise<ReadonlyMap<string, T>> | undefined,
  build: (source: string) => T,
): Promise<[key: string, value: T][]> {
  const [read, last] = await Promise.all([rows, previous?.catch(() => undefined)]);
  return read.map(({ key, source }) => [
    key,
    reuseUnchanged(last?.get(key), source, () => build(source)),
  ]);
}
