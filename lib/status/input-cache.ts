// Loaded input kept under a key (the data versions it was read at), so that a computation after a
// change re-reads only what the change touched. Pure: the loaders are given.

interface Piece {
  key: string;
  value: Promise<unknown>;
}

/** Named pieces of loaded input, each under the key it was loaded for. */
export type InputCache = Map<string, Piece>;

/**
 * The piece `name` loaded for `key`: the kept one when it was loaded for the same key, else
 * `load(previous)`, kept in its place; `previous` is the piece it replaces (loaded for another
 * key), for a loader that keeps what did not change. A failed load is not kept: the next call
 * loads again.
 */
export function cachedPiece<T>(
  cache: InputCache,
  name: string,
  key: string,
  load: (previous: Promise<T> | undefined) => Promise<T>,
): Promise<T> {
  const kept = cache.get(name);
  if (kept && kept.key === key) return kept.value as Promise<T>;
  const value = load(kept?.value as Promise<T> | undefined);
  const mine: Piece = { key, value };
  cache.set(name, mine);
  value.catch(() => {
    if (cache.get(name) === mine) cache.delete(name);
  });
  return value;
}
