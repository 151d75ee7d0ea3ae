import { EntityManager } from 'typeorm';
import { QuestionStatus } from '../models/enums';

/** Whether a question counts towards its tags' `question_count`: open or solved, and not hidden. */
export function countsForTags(q: { status: QuestionStatus; hiddenAt: Date | null }): boolean {
  return q.status !== QuestionStatus.CLOSED && q.hiddenAt === null;
}

const byId = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/**
 * Adds `delta` to the count of each tag (+1 or -1 by tag id), in the caller's transaction, in one
 * statement that locks the rows in primary-key order (two writers on the same tags queue, never
 * cross). Call it before inserting question_tags links: the foreign-key check of such an insert takes a
 * shared lock on the tag row, and upgrading it to this update's exclusive lock would deadlock two asks
 * sharing a tag.
 */
export async function adjustTagCounts(m: EntityManager, changes: Map<string, number>): Promise<void> {
  const ids = [...changes.entries()].filter(([, d]) => d !== 0).map(([id]) => id);
  if (ids.length === 0) return;
  ids.sort(byId);
  const cases = ids.map(() => 'WHEN ? THEN ?').join(' ');
  await m.query(
    `UPDATE tags SET question_count = question_count + CASE id ${cases} ELSE 0 END
      WHERE id IN (${ids.map(() => '?').join(', ')})`,
    [...ids.flatMap((id) => [id, changes.get(id)]), ...ids],
  );
}

/** The same delta for every tag of a question (hidden, restored, closed). */
export async function adjustQuestionTagCounts(
  m: EntityManager,
  questionId: string,
  delta: number,
): Promise<void> {
  const rows = (await m.query('SELECT tag_id AS tagId FROM question_tags WHERE question_id = ?', [
    questionId,
  ])) as { tagId: string | number }[];
  await adjustTagCounts(m, new Map(rows.map((r) => [String(r.tagId), delta])));
}

/** Recounts every tag from the links (bulk seeders that insert question_tags rows directly). */
export async function recountAllTags(m: EntityManager): Promise<void> {
  await m.query(
    `UPDATE tags t SET t.question_count = (
       SELECT COUNT(*) FROM question_tags qt INNER JOIN questions q ON q.id = qt.question_id
        WHERE qt.tag_id = t.id AND q.status <> ? AND q.hidden_at IS NULL)`,
    [QuestionStatus.CLOSED],
  );
}

/**
 * Recounts one tag while writers run (`npm run cli -- tags:recount`, a repair after drift, e.g. writes
 * by an older build during a rolling deploy): the tag row is locked first, as every write that changes
 * a count does, so no such write is half done meanwhile, and the links are counted with a locking read
 * (the latest committed rows, not the transaction's snapshot). Returns whether the count changed.
 */
export async function recountTag(m: EntityManager, tagId: string): Promise<boolean> {
  const [tag] = (await m.query('SELECT question_count AS n FROM tags WHERE id = ? FOR UPDATE', [tagId])) as {
    n: string | number;
  }[];
  if (!tag) return false;
  const [row] = (await m.query(
    `SELECT COUNT(*) AS n FROM question_tags qt INNER JOIN questions q ON q.id = qt.question_id
      WHERE qt.tag_id = ? AND q.status <> ? AND q.hidden_at IS NULL
      LOCK IN SHARE MODE`,
    [tagId, QuestionStatus.CLOSED],
  )) as { n: string | number }[];
  if (Number(row.n) === Number(tag.n)) return false;
  await m.query('UPDATE tags SET question_count = ? WHERE id = ?', [Number(row.n), tagId]);
  return true;
}
