import { GRAPHQL_SDL_FILE_HEADER, GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLSchema,
  Kind,
  TypeDefinitionNode,
  buildSchema,
  isEnumType,
  isInputObjectType,
  isNonNullType,
  isObjectType,
  lexicographicSortSchema,
  parse,
  print,
  printSchema,
  valueFromASTUntyped,
} from 'graphql';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TestApp } from '../helpers/test-app';

// schema.gql is the API as clients see it, committed so that a change shows up in review. This test
// fails when the code's schema and the file differ, and when a name of the v1 contract in
// DESIGN.md is renamed or retyped ("add freely, rename nothing").

const SCHEMA_FILE = path.join(__dirname, '..', '..', 'schema.gql');
const UPDATE_HINT =
  'If the change is intended (and renames nothing in the DESIGN.md contract), regenerate the file with\n' +
  '  UPDATE_SCHEMA=1 npx jest test/e2e/schema-contract\n' +
  '(or run `npm start` once in development) and commit schema.gql with the change.';

// The v1 contract of DESIGN.md. `Any` means the contract names the field but not its type.
const CONTRACT = parse(`
  type Query {
    me: User
    question(id: ID!): Question
    questions(filter: QuestionFilter, first: Int = 20, after: String): QuestionConnection!
    searchQuestions(query: String!, filter: SearchFilter, first: Int = 10, after: String): SearchConnection!
    similarQuestions(title: String!, body: String, limit: Int = 5): [SimilarQuestion!]!
    user(handle: String!): User
    tags(first: Int = 50): [TagCount!]!
  }
  type Mutation {
    register(input: RegisterInput!): AuthPayload!
    login(input: LoginInput!): AuthPayload!
    askQuestion(input: AskQuestionInput!): AskQuestionPayload!
    postAnswer(input: PostAnswerInput!): Answer!
    acceptAnswer(answerId: ID!): Question!
    unacceptAnswer(questionId: ID!): Question!
    markOfficialAnswer(answerId: ID!): Answer!
    unmarkOfficialAnswer(answerId: ID!): Answer!
    vote(input: VoteInput!): VoteResult!
    closeAsDuplicate(questionId: ID!, duplicateOfId: ID!): Question!
    editQuestion(input: EditQuestionInput!): Question!
    editAnswer(input: EditAnswerInput!): Answer!
    grantOfficialBadge(userId: ID!, label: String!): User!
    revokeOfficialBadge(userId: ID!): User!
  }
  type User { id: ID! handle: String! displayName: String! role: Role! isOfficial: Boolean! badges: [Badge!]! }
  type Badge { kind: BadgeKind! label: String! }
  type Question {
    id: ID! title: String! body: String! author: User! tags: [String!]!
    status: QuestionStatus! isSolved: Boolean! acceptedAnswer: Answer officialAnswers: [Answer!]!
    answers(first: Int, after: String): AnswerConnection! answerCount: Int! score: Int!
    duplicateOf: Question createdAt: DateTime! updatedAt: DateTime!
  }
  type Answer {
    id: ID! body: String! author: User! question: Question! isAccepted: Boolean!
    isOfficial: Boolean! endorsedBy: User score: Int! createdAt: DateTime!
  }
  type SimilarQuestion { question: Question! score: Float! }
  type AuthPayload { token: String! user: User! }
  type AskQuestionPayload { question: Question! similarQuestions: [SimilarQuestion!]! }
  type VoteResult { targetType: PostType! targetId: ID! value: VoteValue! score: Int! }
  type TagCount { name: String! count: Int! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
  type QuestionConnection { edges: [QuestionEdge!]! pageInfo: PageInfo! }
  type QuestionEdge { node: Question! cursor: String! }
  type AnswerConnection { edges: [AnswerEdge!]! pageInfo: PageInfo! }
  type AnswerEdge { node: Answer! cursor: String! }
  type SearchConnection { edges: [SearchEdge!]! pageInfo: PageInfo! }
  type SearchEdge { node: Question! cursor: String! score: Float! highlightedTitle: Any snippet: Any }
  input RegisterInput { handle: String! password: String! displayName: String! }
  input LoginInput { handle: String! password: String! }
  input AskQuestionInput { title: String! body: String! tags: Any }
  input PostAnswerInput { questionId: ID! body: String! }
  input VoteInput { targetType: PostType! targetId: ID! value: VoteValue! }
  input EditQuestionInput { id: ID! }
  input EditAnswerInput { id: ID! }
  input SearchFilter { solvedOnly: Boolean hasOfficialAnswer: Boolean tags: Any }
  enum Role { MEMBER MODERATOR ADMIN }
  enum BadgeKind { OFFICIAL MODERATOR ADMIN }
  enum QuestionStatus { OPEN SOLVED CLOSED }
  enum PostType { QUESTION ANSWER }
  enum VoteValue { UP DOWN NONE }
`);

/** Text of schema.gql exactly as Nest writes it (autoSchemaFile with sortSchema: true). */
function schemaFileText(schema: GraphQLSchema): string {
  return GRAPHQL_SDL_FILE_HEADER + printSchema(lexicographicSortSchema(schema));
}

/** Every way the schema breaks the contract, as readable lines (empty when it keeps it). */
function contractViolations(schema: GraphQLSchema): string[] {
  const out: string[] = [];
  const typeOk = (want: string, got: string): boolean => want === 'Any' || want === got;
  for (const def of CONTRACT.definitions as readonly TypeDefinitionNode[]) {
    const name = def.name.value;
    const actual = schema.getType(name);
    if (def.kind === Kind.ENUM_TYPE_DEFINITION) {
      if (!isEnumType(actual)) out.push(`enum ${name} is missing`);
      else
        for (const v of def.values ?? [])
          if (!actual.getValue(v.name.value)) out.push(`enum value ${name}.${v.name.value} is missing`);
      continue;
    }
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) continue;
    const isInput = def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION;
    if (!(isInput ? isInputObjectType(actual) : isObjectType(actual))) {
      out.push(`${isInput ? 'input' : 'type'} ${name} is missing`);
      continue;
    }
    const fields = (actual as { getFields(): Record<string, unknown> }).getFields();
    for (const f of def.fields ?? []) {
      const field = fields[f.name.value] as
        | { type: unknown; args?: readonly { name: string; type: unknown; defaultValue: unknown }[] }
        | undefined;
      const where = `${name}.${f.name.value}`;
      if (!field) {
        out.push(`${where} is missing`);
        continue;
      }
      if (!typeOk(print(f.type), String(field.type)))
        out.push(`${where} is ${String(field.type)}, the contract says ${print(f.type)}`);
      const wanted = 'arguments' in f ? (f.arguments ?? []) : [];
      for (const a of wanted) {
        const arg = field.args?.find((x) => x.name === a.name.value);
        if (!arg) out.push(`argument ${where}(${a.name.value}) is missing`);
        else if (!typeOk(print(a.type), String(arg.type)))
          out.push(`argument ${where}(${a.name.value}) is ${String(arg.type)}, not ${print(a.type)}`);
        else if (a.defaultValue && valueFromASTUntyped(a.defaultValue) !== arg.defaultValue)
          out.push(`argument ${where}(${a.name.value}) defaults to ${String(arg.defaultValue)}`);
      }
      // New arguments are fine only if optional: a required one breaks every existing client.
      for (const arg of field.args ?? []) {
        const known = wanted.some((a) => a.name.value === arg.name);
        if (!known && isNonNullType(arg.type) && arg.defaultValue === undefined)
          out.push(`argument ${where}(${arg.name}) is new and required`);
      }
    }
  }
  return out;
}

/** A small unified line diff (longest common subsequence, 2 lines of context), to show what changed. */
function lineDiff(before: string, after: string, maxLines = 120): string {
  const a = before.split('\n');
  const b = after.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push(`  ${a[i++]}`);
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) ops.push(`+ ${b[j++]}`);
    else ops.push(`- ${a[i++]}`);
  }
  const near = (k: number): boolean => ops.slice(Math.max(0, k - 2), k + 3).some((o) => o[0] !== ' ');
  const out: string[] = [];
  ops.forEach((op, k) => {
    if (near(k)) out.push(op);
    else if (out[out.length - 1] !== '…') out.push('…');
  });
  return (
    out.slice(0, maxLines).join('\n') + (out.length > maxLines ? `\n… ${out.length - maxLines} more` : '')
  );
}

describe('GraphQL schema contract', () => {
  let t: TestApp;
  let schema: GraphQLSchema;

  beforeAll(async () => {
    // Outside NODE_ENV=development the app builds its schema in memory and leaves schema.gql alone.
    t = await TestApp.start();
    schema = t.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(() => t.close());

  it('matches the committed schema.gql', () => {
    const fromCode = schemaFileText(schema);
    if (process.env.UPDATE_SCHEMA === '1') {
      fs.writeFileSync(SCHEMA_FILE, fromCode);
      return;
    }
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed.trimEnd() !== fromCode.trimEnd()) {
      throw new Error(
        `schema.gql differs from the schema built from the code (- file, + code):\n\n` +
          `${lineDiff(committed.trimEnd(), fromCode.trimEnd())}\n\n${UPDATE_HINT}`,
      );
    }
  });

  it('keeps every name of the v1 contract in DESIGN.md', () => {
    const violations = contractViolations(schema);
    if (violations.length > 0) {
      throw new Error(`The schema breaks the DESIGN.md v1 contract:\n  - ${violations.join('\n  - ')}`);
    }
  });

  it('spots a renamed contract field (self-check of the comparison)', () => {
    const renamed = printSchema(schema).replace(/\bisOfficial: Boolean!/g, 'official: Boolean!');
    // Rebuilt from the edited SDL, so only the rename differs.
    const violations = contractViolations(buildSchema(renamed));
    expect(violations).toEqual(
      expect.arrayContaining(['User.isOfficial is missing', 'Answer.isOfficial is missing']),
    );
  });
});
