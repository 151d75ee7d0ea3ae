import { EntityManager } from 'typeorm';
import { QuestionEntity } from '../entities/question.entity';
import { statusOf } from '../forum.rules';

/**
 * Recounts what makes a thread solved from its answers, inside the caller's transaction (the question
 * row already locked): only visible official answers count, and a hidden accepted answer does not
 * solve it. The search document is built from these columns, so it follows once the caller's outbox
 * event re-indexes the thread.
 */
export async function refreshThreadState(m: EntityManager, q: QuestionEntity): Promise<void> {
  const [row] = await m.query(
    `SELECT COALESCE(SUM(a.is_official = 1 AND a.hidden_at IS NULL), 0) AS official,
            COALESCE(SUM(a.id = ? AND a.hidden_at IS NULL), 0) AS accepted
       FROM answers a WHERE a.question_id = ?`,
    [q.acceptedAnswerId ?? 0, q.id],
  );
  q.officialAnswerCount = Number(row.official);
  const status = statusOf({
    duplicateOfId: q.duplicateOfId,
    acceptedAnswerId: Number(row.accepted) > 0 ? q.acceptedAnswerId : null,
    officialAnswerCount: q.officialAnswerCount,
  });
  q.status = status;
  await m.update(
    QuestionEntity,
    { id: q.id },
    { answerCount: q.answerCount, officialAnswerCount: q.officialAnswerCount, status },
  );
}
