import { compareIdentity, isForeign } from './index-identity';

describe('compareIdentity', () => {
  const db = { instanceId: 'aaaaaaaa-1111', schemaVersion: 'M2', database: 'qa_forum' };
  const stamp = (over: Partial<typeof db>) => ({ ...db, ...over, stampedAt: '2026-01-01T00:00:00.000Z' });

  it('matches an index built from this database at this schema version', () => {
    expect(compareIdentity('forum_questions', db, stamp({})).state).toBe('match');
  });

  it('names both databases when the index was built from another one', () => {
    const status = compareIdentity(
      'forum_questions',
      db,
      stamp({ instanceId: 'bbbbbbbb-2222', database: 'qa_other' }),
    );
    expect(status.state).toBe('foreign');
    expect(status.reason).toBe(
      'search index forum_questions was built from database qa_other (instance bbbbbbbb, schema M2), ' +
        'but this server uses database qa_forum (instance aaaaaaaa, schema M2)',
    );
    expect(isForeign(status.state)).toBe(true);
  });

  it('compares the instance id, not the name (two servers often use the same database name)', () => {
    expect(compareIdentity('i', db, stamp({ instanceId: 'cccccccc' })).state).toBe('foreign');
    expect(compareIdentity('i', db, stamp({ database: 'renamed' })).state).toBe('match');
  });

  it('tells an index of this database at another schema version apart', () => {
    const status = compareIdentity('i', db, stamp({ schemaVersion: 'M1' }));
    expect(status.state).toBe('outdated');
    expect(isForeign(status.state)).toBe(false);
  });

  it('treats documents without a record as foreign', () => {
    expect(compareIdentity('i', db, null).state).toBe('unstamped');
    expect(isForeign('unstamped')).toBe(true);
  });
});
