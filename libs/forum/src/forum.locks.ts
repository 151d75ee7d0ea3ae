import { AppError } from '@app/core';
import { EntityManager } from 'typeorm';
import { AnswerEntity } from './entities/answer.entity';
import { QuestionEntity } from './entities/question.entity';

// Row locks (SELECT … FOR UPDATE) used by every write that changes a thread's counters or state.
// Writes lock the question before any of its answers, so they never wait on each other in a cycle.

export async function lockQuestion(m: EntityManager, id: string): Promise<QuestionEntity> {
  const q = await m
    .createQueryBuilder(QuestionEntity, 'q')
    .setLock('pessimistic_write')
    .where('q.id = :id', { id })
    .getOne();
  if (!q) throw AppError.notFound('Question', id);
  return q;
}

export async function lockAnswer(m: EntityManager, id: string): Promise<AnswerEntity> {
  const a = await m
    .createQueryBuilder(AnswerEntity, 'a')
    .setLock('pessimistic_write')
    .where('a.id = :id', { id })
    .getOne();
  if (!a) throw AppError.notFound('Answer', id);
  return a;
}
