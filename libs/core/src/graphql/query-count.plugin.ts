import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { QueryCounter } from '../database/query-counter';

/** Express middleware: every request gets its own SQL statement counter. */
export function countQueriesPerRequest(_req: Request, _res: Response, next: NextFunction): void {
  QueryCounter.enterRequest();
  next();
}

/**
 * Reports how many SQL statements an operation cost in the `x-sql-queries` response header
 * (development and tests), so N+1 regressions show up in tests and in the browser.
 */
export const queryCountPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const count = QueryCounter.current();
        if (count !== undefined) response.http.headers.set('x-sql-queries', String(count));
      },
    };
  },
};
