import { AppError, inTransaction } from '@app/core';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { IdempotencyKeyEntity, IdempotentWrite } from '../entities/idempotency-key.entity';

// Idempotency keys of askQuestion and postAnswer: a client that retries a write (after a time-out, a
// dropped connection, a double tap) sends the same key and gets the row the first request wrote.

export const IDEMPOTENCY_KEY_FIELD = 'idempotencyKey';
const KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

export interface IdempotentRequest {
  userId: string;
  operation: IdempotentWrite;
  key: string;
  /** Hash of the request's content: the same key with other content is a CONFLICT. */
  fingerprint: string;
}

/** Null when the client sent no key; BAD_USER_INPUT when the key is malformed. */
export function idempotentRequest(
  userId: string,
  operation: IdempotentWrite,
  key: string | null | undefined,
  content: readonly unknown[],
): IdempotentRequest | null {
  if (key === null || key === undefined) return null;
  if (!KEY_PATTERN.test(key)) {
    throw AppError.badInput(
      'idempotencyKey must be 8–64 characters of A–Z, a–z, 0–9, _ or - (a UUID fits)',
      IDEMPOTENCY_KEY_FIELD,
    );
  }
  return { userId, operation, key, fingerprint: fingerprintOf(operation, content) };
}

/** SHA-256 of the write's input as the client sent it (a retry sends the same bytes). */
export function fingerprintOf(operation: IdempotentWrite, content: readonly unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify([operation, ...content.map((c) => c ?? null)]))
    .digest('hex');
}

/** Thrown inside the write's transaction when another request already holds the key. */
class KeyTaken extends Error {}

/** The id of the row an earlier request with this key created, or null when the key is unused. */
async function earlierWrite(db: DataSource, req: IdempotentRequest): Promise<string | null> {
  const row = await db.getRepository(IdempotencyKeyEntity).findOneBy({
    userId: req.userId,
    operation: req.operation,
    key: req.key,
  });
  if (!row) return null;
  if (row.fingerprint !== req.fingerprint) {
    const what = req.operation === IdempotentWrite.ASK ? 'question' : 'answer';
    throw AppError.conflict(
      `This idempotencyKey was already used for a different ${what}; use a new key for new content`,
    );
  }
  const id = req.operation === IdempotentWrite.ASK ? row.questionId : row.answerId;
  // Keys are deleted with their post (foreign key cascade), so a key row always names one.
  if (!id) throw AppError.conflict('This idempotencyKey belongs to a write that no longer exists');
  return id;
}

/**
 * inTransaction for a write that creates one question or answer and returns its id, made idempotent
 * by `req` (no key: a plain inTransaction). A key used before returns the id it created without
 * running `work`. Otherwise the key row is inserted as the transaction's first statement: a
 * concurrent request with the same key waits on that row until the first commits, then finds the key
 * taken, rolls back and is answered with the committed row's id (had the first rolled back, the
 * second would have claimed the key itself). The key row and the post commit or roll back together.
 */
export async function inIdempotentTransaction(
  db: DataSource,
  req: IdempotentRequest | null,
  work: (m: EntityManager) => Promise<string>,
): Promise<string> {
  if (!req) return inTransaction(db, work);
  const earlier = await earlierWrite(db, req);
  if (earlier) return earlier;
  try {
    return await inTransaction(db, async (m) => {
      await claimKey(m, req);
      const id = await work(m);
      await m.update(
        IdempotencyKeyEntity,
        { userId: req.userId, operation: req.operation, key: req.key },
        req.operation === IdempotentWrite.ASK ? { questionId: id } : { answerId: id },
      );
      return id;
    });
  } catch (err) {
    if (!(err instanceof KeyTaken)) throw err;
    const raced = await earlierWrite(db, req);
    if (!raced) throw AppError.conflict('This idempotencyKey belongs to a write that no longer exists');
    return raced;
  }
}

/** Inserts the key row; a key another request committed first (or commits while we wait) is taken. */
async function claimKey(m: EntityManager, req: IdempotentRequest): Promise<void> {
  // IGNORE: a duplicate key inserts nothing (0 affected rows) instead of failing, so no failed
  // statement is logged. (ON DUPLICATE KEY UPDATE would not do: mysql2 sets CLIENT_FOUND_ROWS, so an
  // unchanged duplicate also counts 1.) The other columns are validated, the user exists.
  const res = await m.query(
    'INSERT IGNORE INTO idempotency_keys (user_id, operation, idempotency_key, fingerprint) VALUES (?, ?, ?, ?)',
    [req.userId, req.operation, req.key, req.fingerprint],
  );
  if (res.affectedRows !== 1) throw new KeyTaken();
}
