/**
 * What a search index mirrors. The index records the identity of the database it was built from
 * (IndexIdentityRepository); the API compares that record with the database it serves.
 */

/** Who this database is: a generated id (table forum_instance), its schema version and its name. */
export interface DatabaseIdentity {
  instanceId: string;
  /** Name of the last migration applied. */
  schemaVersion: string;
  /** The database's name, for messages only (never compared: the same name on two servers is common). */
  database: string;
}

/** The record an index keeps of the database it was built from. */
export interface IndexStamp extends DatabaseIdentity {
  /** ISO time of the build (creation of the empty index, or the reindex that swapped it in). */
  stampedAt: string;
}

/**
 * - `match`: built from this database at its current schema version.
 * - `outdated`: built from this database, at another schema version (migrations ran since).
 * - `foreign`: built from another database (another forum, a test database, a different copy).
 * - `unstamped`: holds documents but no record of where they came from (built before this check).
 * - `unchecked`: could not be compared (Meilisearch or MySQL unreachable).
 */
export type IndexIdentityState = 'match' | 'outdated' | 'foreign' | 'unstamped' | 'unchecked';

export interface IndexIdentityStatus {
  state: IndexIdentityState;
  /** Why, for operators (health details and logs); null when the index matches. */
  reason: string | null;
  database: DatabaseIdentity | null;
  index: IndexStamp | null;
}

/** Whether the index's documents belong to another database (or nobody knows): never serve them. */
export function isForeign(state: IndexIdentityState): boolean {
  return state === 'foreign' || state === 'unstamped';
}

const short = (id: string): string => id.slice(0, 8);

function describe(who: DatabaseIdentity): string {
  return `database ${who.database} (instance ${short(who.instanceId)}, schema ${who.schemaVersion})`;
}

/** Compares an index's record with the database; `uid` names the index in the reason. */
export function compareIdentity(
  uid: string,
  database: DatabaseIdentity,
  stamp: IndexStamp | null,
): IndexIdentityStatus {
  if (!stamp) {
    return {
      state: 'unstamped',
      reason: `search index ${uid} holds documents but no record of the database they came from; this server uses ${describe(database)}`,
      database,
      index: null,
    };
  }
  if (stamp.instanceId !== database.instanceId) {
    return {
      state: 'foreign',
      reason: `search index ${uid} was built from ${describe(stamp)}, but this server uses ${describe(database)}`,
      database,
      index: stamp,
    };
  }
  if (stamp.schemaVersion !== database.schemaVersion) {
    return {
      state: 'outdated',
      reason: `search index ${uid} was built from this database at schema ${stamp.schemaVersion}; the schema is now ${database.schemaVersion}`,
      database,
      index: stamp,
    };
  }
  return { state: 'match', reason: null, database, index: stamp };
}
