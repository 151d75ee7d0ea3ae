import { AppError } from '@app/core';
import {
  GraphQLSchema,
  buildSchema,
  execute,
  getNamedType,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  parse,
} from 'graphql';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ID_LIMIT, LIST_LIMIT, STRING_LIMITS, capStringArguments, limitFor } from './input-limits';

const SDL = readFileSync(path.join(__dirname, '..', '..', '..', 'schema.gql'), 'utf8');

/** Every String and ID argument and input field of the committed schema, as schema coordinates. */
function textCoordinates(schema: GraphQLSchema): { coordinate: string; scalar: string }[] {
  const out: { coordinate: string; scalar: string }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          const named = getNamedType(arg.type);
          if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) {
            out.push({ coordinate: `${type.name}.${field.name}.${arg.name}`, scalar: named.name });
          }
        }
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const named = getNamedType(field.type);
        if (isScalarType(named) && (named.name === 'String' || named.name === 'ID')) {
          out.push({ coordinate: `${type.name}.${field.name}`, scalar: named.name });
        }
      }
    }
  }
  return out;
}

describe('length caps on every String and ID input', () => {
  const coordinates = textCoordinates(buildSchema(SDL));

  it('has an explicit cap for every String argument and input field of the schema', () => {
    const strings = coordinates.filter((c) => c.scalar === 'String').map((c) => c.coordinate);
    const missing = strings.filter((c) => STRING_LIMITS[c] === undefined);
    console.log(
      `input caps: ${strings.length} String and ${coordinates.length - strings.length} ID coordinates in the schema`,
    );
    expect(missing).toEqual([]);
    // And no row names a coordinate the schema does not have (a typo would leave a field uncapped).
    const known = new Set(coordinates.map((c) => c.coordinate));
    expect(Object.keys(STRING_LIMITS).filter((c) => !known.has(c))).toEqual([]);
    for (const c of coordinates.filter((x) => x.scalar === 'ID'))
      expect(limitFor(c.coordinate, 'ID')).toBe(ID_LIMIT);
  });

  describe('enforced before any resolver runs', () => {
    const schema = capStringArguments(buildSchema(SDL));
    const reached: string[] = [];
    const rootValue = {
      similarQuestions: () => {
        reached.push('similarQuestions');
        return [];
      },
      register: () => {
        reached.push('register');
        return null;
      },
      markNotificationsRead: () => {
        reached.push('markNotificationsRead');
        return null;
      },
    };
    const run = async (source: string, variables: Record<string, unknown>) => {
      reached.length = 0;
      const res = await execute({ schema, document: parse(source), rootValue, variableValues: variables });
      return { res, reached: [...reached] };
    };

    it.each(Object.entries(STRING_LIMITS).filter(([c]) => c.startsWith('Query.similarQuestions.')))(
      'refuses %s over %i characters',
      async (coordinate, max) => {
        const name = coordinate.split('.')[2];
        const args = { title: '花呗', body: '正文', draftId: 'draft-0001', [name]: '长'.repeat(max + 1) };
        const { res, reached: calls } = await run(
          'query($title: String!, $body: String, $draftId: String) { similarQuestions(title: $title, body: $body, draftId: $draftId) { score } }',
          args,
        );
        expect(calls).toEqual([]);
        const err = res.errors?.[0].originalError;
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('BAD_USER_INPUT');
        expect((err as AppError).details.field).toBe(name);
      },
    );

    it('accepts values at the cap, counting code points (an emoji is one) and not the surrounding spaces', async () => {
      const body = '😀'.repeat(20000);
      const { res, reached: calls } = await run(
        'query($body: String) { similarQuestions(title: "花呗", body: $body) { score } }',
        { body: `  ${body}\n` },
      );
      expect(res.errors).toBeUndefined();
      expect(calls).toEqual(['similarQuestions']);
    });

    it('checks fields inside input objects and every item of a list', async () => {
      const tooLongName = await run(
        'mutation($input: RegisterInput!) { register(input: $input) { token } }',
        { input: { handle: 'abc', password: 'correct horse', displayName: '名'.repeat(41) } },
      );
      expect(tooLongName.reached).toEqual([]);
      expect((tooLongName.res.errors?.[0].originalError as AppError).details.field).toBe('displayName');

      const ids = await run('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked } }', {
        ids: ['1', '9'.repeat(ID_LIMIT + 1)],
      });
      expect(ids.reached).toEqual([]);
      const many = await run('mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked } }', {
        ids: Array.from({ length: LIST_LIMIT + 1 }, (_, i) => String(i + 1)),
      });
      expect(many.reached).toEqual([]);
      expect(many.res.errors?.[0].message).toMatch(/at most 100 items/);
    });
  });
});
