/**
 * Parsed rows by their raw content. Checking a row against its zod schema is most of what a
 * card submit costs the store (benchmark P4: about a third of the handler's time went on
 * re-validating the same plan and action rows on every press). A row whose every column is the
 * same as one already checked parses to the same value, so the checked value is reused: the key
 * is the raw row itself, so nothing can be stale, whichever connection or process wrote it.
 * Values are frozen — they are shared, and a caller changing one must copy it (they all do:
 * writes build `{ ...current, ...patch }`).
 */
const LIMIT = 2_000;

export interface RowMemo<T> {
  parse(row: Record<string, unknown>): T;
}

export function rowMemo<T extends object>(parse: (row: Record<string, unknown>) => T, limit = LIMIT): RowMemo<T> {
  const seen = new Map<string, T>();
  return {
    parse(row) {
      const key = JSON.stringify(row);
      const hit = seen.get(key);
      if (hit !== undefined) {
        // Map keeps insertion order: re-inserting makes this the most recently used.
        seen.delete(key);
        seen.set(key, hit);
        return hit;
      }
      const value = deepFreeze(parse(row));
      seen.set(key, value);
      if (seen.size > limit) seen.delete(seen.keys().next().value as string);
      return value;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
