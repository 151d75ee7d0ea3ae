import * as path from 'node:path';
import { DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import { Env } from '../config/env.schema';
import { parseDatabaseUrl } from './database-url';
import { QueryCounterLogger } from './query-counter';

// Resolved against this file so the same globs work from sources (ts-node, jest) and from dist/.
const repoRoot = path.resolve(__dirname, '../../../..');
const ext = __filename.endsWith('.ts') ? 'ts' : 'js';

export function databaseOptions(
  env: Pick<Env, 'DATABASE_URL' | 'DATABASE_POOL_SIZE'>,
  logger: TypeOrmLogger = new QueryCounterLogger(),
): DataSourceOptions {
  const db = parseDatabaseUrl(env.DATABASE_URL);
  return {
    // Same wire protocol and SQL; the mariadb driver reads MariaDB's catalogue right when TypeORM
    // compares the schema (migration:generate), where the mysql driver sees phantom changes.
    type: env.DATABASE_URL.startsWith('mariadb:') ? 'mariadb' : 'mysql',
    ...db,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: false,
    poolSize: env.DATABASE_POOL_SIZE,
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    entities: [path.join(repoRoot, `libs/*/src/**/*.entity.${ext}`)],
    migrations: [path.join(repoRoot, `migrations/*.${ext}`)],
    logger,
    logging: ['error', 'warn'],
  };
}
