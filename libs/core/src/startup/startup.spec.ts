import * as net from 'node:net';
import { InvalidEnvironmentError, parseEnv } from '../config/env.schema';
import { redactDatabaseUrl } from '../database/database-url';
import { PendingMigrationsError } from '../database/migration-status';
import { databaseServerProblem, describeDatabaseError } from './database-check';
import { findListeningPid, portError } from './port-check';
import { errorCode, StartupError } from './startup-error';
import { describeStartupFailure } from './startup-failure';

const URL_WITH_PASSWORD = 'mysql://forum:p%40ss@db.internal:3307/qa_forum';

function mysqlError(code: string): Error {
  return Object.assign(new Error(`mysql says ${code}`), { code, fatal: true });
}

describe('redactDatabaseUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(redactDatabaseUrl(URL_WITH_PASSWORD)).toBe('mysql://forum:***@db.internal:3307/qa_forum');
    expect(redactDatabaseUrl('mysql://root@127.0.0.1:3306/qa_forum')).toBe(
      'mysql://root@127.0.0.1:3306/qa_forum',
    );
  });
});

describe('describeDatabaseError', () => {
  it('unreachable server: address, reason, the question and the URL without its password', () => {
    const err = describeDatabaseError(mysqlError('ECONNREFUSED'), URL_WITH_PASSWORD);
    expect(err).toBeInstanceOf(StartupError);
    expect(err.message).toBe(
      'cannot reach MySQL/MariaDB at db.internal:3307 (connection refused): is it running? DATABASE_URL=mysql://forum:***@db.internal:3307/qa_forum',
    );
    expect(describeDatabaseError(mysqlError('ENOTFOUND'), URL_WITH_PASSWORD).message).toContain(
      '(host not found): is the host name right?',
    );
  });

  it('finds the code in an AggregateError (a host name resolving to several addresses)', () => {
    const aggregate = new AggregateError([mysqlError('ECONNREFUSED'), mysqlError('ECONNREFUSED')], 'x');
    expect(errorCode(aggregate)).toBe('ECONNREFUSED');
    expect(describeDatabaseError(aggregate, URL_WITH_PASSWORD).message).toMatch(/^cannot reach/);
  });

  it('names the user for access denied, the GRANT for a database without rights', () => {
    expect(describeDatabaseError(mysqlError('ER_ACCESS_DENIED_ERROR'), URL_WITH_PASSWORD).message).toMatch(
      /^MySQL\/MariaDB at db\.internal:3307 denied access to user 'forum' \(wrong password, or no such user\)/,
    );
    expect(
      describeDatabaseError(mysqlError('ER_DBACCESS_DENIED_ERROR'), URL_WITH_PASSWORD).message,
    ).toContain("GRANT ALL ON `qa_forum`.* TO 'forum'");
  });

  it('an unknown database: two lines, the second how to create it', () => {
    const lines = describeDatabaseError(mysqlError('ER_BAD_DB_ERROR'), URL_WITH_PASSWORD).message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      "database 'qa_forum' does not exist at db.internal:3307 (DATABASE_URL=mysql://forum:***@db.internal:3307/qa_forum)",
    );
    expect(lines[1]).toMatch(/^create it: CREATE DATABASE `qa_forum` CHARACTER SET utf8mb4/);
  });

  it('leaves errors it does not know alone', () => {
    const other = mysqlError('ER_PARSE_ERROR');
    expect(describeDatabaseError(other, URL_WITH_PASSWORD)).toBe(other);
  });
});

describe('databaseServerProblem', () => {
  it('accepts MySQL 8 and MariaDB 10.6+', () => {
    expect(databaseServerProblem('8.0.36', true)).toBeNull();
    expect(databaseServerProblem('10.11.6-MariaDB-0+deb12u1', true)).toBeNull();
    expect(databaseServerProblem('11.4.2-MariaDB', true)).toBeNull();
    expect(databaseServerProblem('10.6.0-MariaDB', true)).toBeNull();
  });

  it('refuses servers too old, naming the version and the minimum', () => {
    expect(databaseServerProblem('5.7.44-log', true)).toMatch(
      /^the database server is MySQL 5\.7\.44, too old: .*MySQL 8\.0\+ or MariaDB 10\.6\+/,
    );
    expect(databaseServerProblem('10.5.23-MariaDB', true)).toMatch(/is MariaDB 10\.5\.23, too old/);
  });

  it('refuses a server without utf8mb4', () => {
    expect(databaseServerProblem('8.0.36', false)).toMatch(/lacks the utf8mb4 character set/);
  });
});

describe('port errors', () => {
  it('finds this process as the one listening, and says so', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      expect(findListeningPid(port)).toBe(process.pid);
      const err = portError(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }), port);
      expect(err.message).toMatch(
        new RegExp(
          `^port ${port} is in use \\(pid ${process.pid}\\b.*\\): set PORT to a free port, or stop that process$`,
        ),
      );
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('says nothing about a pid it cannot know', () => {
    expect(findListeningPid(1)).toBeNull(); // nobody listens on tcpmux
  });
});

describe('describeStartupFailure', () => {
  it('lists every bad variable under one heading', () => {
    let err: unknown;
    try {
      parseEnv({ PORT: 'abc', DATABASE_POOL_SIZE: '0', DATABASE_URL: 'mysql://root@127.0.0.1/bad-name' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InvalidEnvironmentError);
    expect(describeStartupFailure(err)).toEqual([
      expect.stringMatching(/^Invalid environment: fix these variables/),
      '  - PORT: must be a number',
      '  - DATABASE_URL: must end with a database name made of letters, digits and _',
      expect.stringMatching(/^ {2}- DATABASE_POOL_SIZE: /),
    ]);
  });

  it('keeps the pending-migrations refusal as it is', () => {
    const err = new PendingMigrationsError(['Initial1796028287384']);
    expect(describeStartupFailure(err)).toEqual([err.message]);
  });

  it('explains a failed listen', () => {
    const err = Object.assign(new Error('listen EACCES: permission denied 0.0.0.0:80'), {
      code: 'EACCES',
      syscall: 'listen',
      port: 80,
    });
    expect(describeStartupFailure(err)).toEqual([
      'port 80 needs privileges this process lacks: set PORT above 1023',
    ]);
  });

  it('gives anything else its first line and where to find the rest', () => {
    expect(describeStartupFailure(new Error('boom\nmore'))).toEqual([
      'start-up failed: boom',
      'LOG_LEVEL=debug prints the details',
    ]);
  });
});
