import DataLoader from 'dataloader';

/** A DataLoader that fetches rows by key in one query and returns them in key order (null if missing). */
export function keyedLoader<K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  keyOf: (row: V) => K,
): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** A DataLoader that fetches all rows for many parent keys in one query, grouped by parent. */
export function groupedLoader<K extends string, V>(
  fetch: (keys: readonly K[]) => Promise<V[]>,
  parentOf: (row: V) => K,
): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<K, V[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(parentOf(row))?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Rows grouped by a key, each group's values in row order (keys without rows are absent). */
export function groupBy<R, K, V>(
  rows: readonly R[],
  keyOf: (row: R) => K,
  valueOf: (row: R) => V,
): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(valueOf(row));
    else groups.set(key, [valueOf(row)]);
  }
  return groups;
}
