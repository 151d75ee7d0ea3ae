import { Connection, createConnection } from 'mysql2/promise';
import { Env } from '../config/env.schema';
import { parseDatabaseUrl, ParsedDatabaseUrl, redactDatabaseUrl } from '../database/database-url';
import { DATABASE_CHARSET, ensureDatabase } from '../database/ensure-database';
import { errorCode, networkReason, StartupError } from './startup-error';
import { toError } from '../errors/error-message';

/** Oldest servers with what the code uses (utf8mb4, FOR UPDATE SKIP LOCKED). */
const MINIMUM = { mysql: [8, 0], mariadb: [10, 6] } as const;

/**
 * Pre-flight of DATABASE_URL before the application is built: the server answers, accepts the user,
 * is recent enough with utf8mb4, and the database exists (created here when DB_AUTO_CREATE is on).
 * Throws a StartupError naming the cause and the fix.
 */
export async function checkDatabase(env: Pick<Env, 'DATABASE_URL' | 'DB_AUTO_CREATE'>): Promise<void> {
  const url = env.DATABASE_URL;
  let db: ParsedDatabaseUrl;
  try {
    db = parseDatabaseUrl(url);
  } catch (err) {
    throw new StartupError(`${(err as Error).message} (DATABASE_URL=${redactDatabaseUrl(url)})`);
  }
  let conn: Connection;
  try {
    conn = await createConnection({
      host: db.host,
      port: db.port,
      user: db.username,
      password: db.password,
      connectTimeout: 10000,
    });
  } catch (err) {
    throw describeDatabaseError(err, url);
  }
  try {
    const [rows] = await conn.query(
      `SELECT VERSION() AS version,
              (SELECT COUNT(*) FROM information_schema.COLLATIONS
                WHERE COLLATION_NAME = 'utf8mb4_unicode_ci') AS utf8mb4`,
    );
    const { version, utf8mb4 } = (rows as { version: string; utf8mb4: number | string }[])[0];
    const problem = databaseServerProblem(version, Number(utf8mb4) > 0);
    if (problem) throw new StartupError(`${problem} (DATABASE_URL=${redactDatabaseUrl(url)})`);
    try {
      await conn.query(`USE \`${db.database}\``);
    } catch (err) {
      if (errorCode(err) !== 'ER_BAD_DB_ERROR' || !env.DB_AUTO_CREATE) throw err;
      await ensureDatabase(url); // development: create it now, so that a refusal is reported here
    }
  } catch (err) {
    throw err instanceof StartupError ? err : describeDatabaseError(err, url);
  } finally {
    await conn.end().catch(() => undefined);
  }
}

/** Why this server cannot hold the forum ("… is MySQL 5.7.44; needs …"), or null when it can. */
export function databaseServerProblem(version: string, hasUtf8mb4: boolean): string | null {
  const mariadb = /mariadb/i.test(version);
  const [major, minor] = (version.match(/^(\d+)\.(\d+)/)?.slice(1) ?? ['0', '0']).map(Number);
  const [needMajor, needMinor] = mariadb ? MINIMUM.mariadb : MINIMUM.mysql;
  const name = `${mariadb ? 'MariaDB' : 'MySQL'} ${version.split('-')[0]}`;
  if (major < needMajor || (major === needMajor && minor < needMinor)) {
    return `the database server is ${name}, too old: this forum needs MySQL ${MINIMUM.mysql.join('.')}+ or MariaDB ${MINIMUM.mariadb.join('.')}+; upgrade it or point DATABASE_URL at another`;
  }
  if (!hasUtf8mb4) {
    return `the database server (${name}) lacks the utf8mb4 character set (utf8mb4_unicode_ci): use a server with utf8mb4`;
  }
  return null;
}

/** The StartupError for an error of mysql2 (connecting, USE, CREATE DATABASE), or the error itself. */
export function describeDatabaseError(err: unknown, url: string): Error {
  if (err instanceof StartupError) return err;
  const shown = redactDatabaseUrl(url);
  let db: ParsedDatabaseUrl;
  try {
    db = parseDatabaseUrl(url);
  } catch {
    return toError(err);
  }
  const at = `${db.host}:${db.port}`;
  const code = errorCode(err);
  const reason = networkReason(code);
  const options = { cause: err };
  if (reason) {
    const question =
      code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'is the host name right?' : 'is it running?';
    return new StartupError(
      `cannot reach MySQL/MariaDB at ${at} (${reason}): ${question} DATABASE_URL=${shown}`,
      options,
    );
  }
  switch (code) {
    case 'ER_ACCESS_DENIED_ERROR':
    case 'ER_ACCESS_DENIED_NO_PASSWORD_ERROR':
      return new StartupError(
        `MySQL/MariaDB at ${at} denied access to user '${db.username}' (wrong password, or no such user): ` +
          `fix the user and password in DATABASE_URL=${shown}`,
        options,
      );
    case 'ER_DBACCESS_DENIED_ERROR':
      return new StartupError(
        `user '${db.username}' may not use (or create) database '${db.database}' at ${at}: ` +
          `GRANT ALL ON \`${db.database}\`.* TO '${db.username}', or change DATABASE_URL=${shown}`,
        options,
      );
    case 'ER_BAD_DB_ERROR':
      return new StartupError(
        `database '${db.database}' does not exist at ${at} (DATABASE_URL=${shown})\n` +
          `create it: CREATE DATABASE \`${db.database}\` ${DATABASE_CHARSET}; ` +
          'then run `npm run cli -- migrate` (or set DB_AUTO_CREATE=true to have it created)',
        options,
      );
    case 'ER_HOST_NOT_PRIVILEGED':
    case 'ER_HOST_IS_BLOCKED':
      return new StartupError(
        `MySQL/MariaDB at ${at} refuses connections from this host (${code}): allow it on the server, or change DATABASE_URL=${shown}`,
        options,
      );
    case 'ER_CON_COUNT_ERROR':
      return new StartupError(
        `MySQL/MariaDB at ${at} has too many connections: try again, or raise max_connections (DATABASE_URL=${shown})`,
        options,
      );
    default:
      return toError(err);
  }
}
