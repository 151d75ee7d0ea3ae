/**
 * A clicked draft counts as deflected once it was not posted within this long of its last event:
 * the asker found the answer and left. Until then it is still "in progress" and counted as neither.
 */
export const ABANDON_AFTER_MS = 30 * 60 * 1000;

export const MAX_SHOWN_IDS = 20;
export const MAX_STATS_DAYS = 366;

/** Adds newly shown question ids to the stored list (distinct, at most MAX_SHOWN_IDS). */
export function mergeShownIds(stored: string | null, shown: readonly string[]): string {
  const ids = stored ? stored.split(',') : [];
  for (const id of shown) if (!ids.includes(id) && ids.length < MAX_SHOWN_IDS) ids.push(id);
  return ids.join(',');
}
