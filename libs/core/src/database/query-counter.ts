import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@nestjs/common';
import { Logger as TypeOrmLogger } from 'typeorm';
import { errorMessage } from '../errors/error-message';

interface QueryScope {
  count: number;
}

const storage = new AsyncLocalStorage<QueryScope>();

/**
 * Counts the SQL statements issued inside a scope (one HTTP request, say), so tests and the
 * request log can show how many queries a GraphQL operation costs.
 */
export const QueryCounter = {
  run<T>(fn: () => T): T {
    return storage.run({ count: 0 }, fn);
  },
  enterRequest(): void {
    storage.enterWith({ count: 0 });
  },
  current(): number | undefined {
    return storage.getStore()?.count;
  },
};

/** TypeORM logger: counts queries in the current scope and forwards errors to the Nest logger. */
export class QueryCounterLogger implements TypeOrmLogger {
  private readonly logger = new Logger('TypeORM');

  logQuery(): void {
    const scope = storage.getStore();
    if (scope) scope.count += 1;
  }

  logQueryError(error: string | Error, query: string): void {
    const scope = storage.getStore();
    if (scope) scope.count += 1;
    // The query text stays in server logs (never sent to clients); parameters are left out.
    this.logger.warn(`query failed: ${errorMessage(error)} -- ${query.slice(0, 200)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.slice(0, 200)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
