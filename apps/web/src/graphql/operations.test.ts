import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as documents from '../gql/graphql';

// Every operation of the client must be valid against the committed schema and stay under the
// API's limits (GRAPHQL_LIMITS in apps/api/src/graphql.config.ts: cost 15000, depth 12).
const MAX_COST = 15000;
const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '../../../../schema.gql'), 'utf8'));
const operations = Object.entries(documents).filter(
  (e): e is [string, DocumentNode] =>
    e[0].endsWith('Document') &&
    (e[1] as DocumentNode).definitions?.some((d) => d.kind === 'OperationDefinition') === true,
);

describe('client operations', () => {
  it('are all found', () => {
    expect(operations.length).toBeGreaterThan(20);
  });

  it.each(operations)('%s is valid and under the cost limit', (_, doc) => {
    expect(validate(schema, doc).map((e) => e.message)).toEqual([]);
    const errors = validate(schema, doc, [costLimitRule({ maxCost: MAX_COST, exposeLimits: true })]);
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
