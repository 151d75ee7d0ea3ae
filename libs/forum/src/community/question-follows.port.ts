import { EntityManager } from 'typeorm';

/**
 * What the forum's own writes need from follows, which libs/notifications owns: the asker and a
 * me-too member start following inside the write's transaction, and closing a duplicate moves its
 * followers to the canonical thread in the same transaction. Notifications provide it (dependency
 * inversion: the forum never imports notifications); every app that loads the forum also imports
 * `FollowsModule` from `@app/notifications`.
 */
export abstract class QuestionFollowsPort {
  /** Follows once (following again changes nothing), inside the caller's transaction. */
  abstract follow(m: EntityManager, userId: string, questionId: string): Promise<void>;
  /** Copies the followers of `fromQuestionId` to `toQuestionId` (no one twice), inside the caller's transaction. */
  abstract moveFollowers(m: EntityManager, fromQuestionId: string, toQuestionId: string): Promise<void>;
}
