import { AppError, charLength } from '@app/core';
import {
  GraphQLArgument,
  GraphQLFieldResolver,
  GraphQLInputType,
  GraphQLSchema,
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isIntrospectionType,
  isListType,
  isObjectType,
  isScalarType,
} from 'graphql';

// Length caps at the edge of the API: every String and ID argument and input field, queries
// included, is checked against a maximum before any resolver or service sees it, over HTTP and
// over the WebSocket alike (the check wraps the resolvers of the executable schema). The services
// keep their own, friendlier rules (trimmed, normalised, per field); these caps are the hard
// ceiling, so no function on user text ever gets more than it was tested with
// (test/hostile-text.spec.ts). Leading and trailing whitespace is not counted, as the services trim.
// A new String argument or input field must get a row here: input-limits.spec.ts walks the schema.

/** Schema coordinate (`Type.field` for input fields, `Type.field.argument` for arguments) → maximum characters. */
export const STRING_LIMITS: Record<string, number> = {
  'AskQuestionInput.title': 150,
  'AskQuestionInput.body': 20000,
  'AskQuestionInput.tags': 64,
  'AskQuestionInput.category': 32,
  'AskQuestionInput.draftId': 64,
  'AskQuestionInput.idempotencyKey': 64,
  'PostAnswerInput.idempotencyKey': 64,
  'EditQuestionInput.title': 150,
  'EditQuestionInput.body': 20000,
  'EditQuestionInput.tags': 64,
  'PostAnswerInput.body': 20000,
  'EditAnswerInput.body': 20000,
  // Template details and fields: twice the services' own limits, whose errors name the detail
  // (details.message) better than a cap here could.
  'DetailInput.key': 64,
  'DetailInput.value': 1000,
  'CategoryFieldInput.key': 64,
  'CategoryFieldInput.label': 80,
  'UpsertCategoryInput.key': 32,
  'UpsertCategoryInput.name': 20,
  'LoginInput.handle': 64,
  'LoginInput.password': 256,
  'RegisterInput.handle': 64,
  'RegisterInput.password': 256,
  'RegisterInput.displayName': 40,
  'ModeratePostInput.reason': 500,
  'ReportPostInput.reason': 500,
  'ReportAttachmentInput.reason': 400,
  'QuestionFilter.author': 64,
  'QuestionFilter.tag': 64,
  'SearchFilter.tags': 64,
  'SearchFilter.category': 32,
  'Mutation.grantOfficialBadge.label': 32,
  'Mutation.grantOfficialBadge.displayName': 40,
  'Mutation.changePassword.currentPassword': 256,
  'Mutation.changePassword.newPassword': 256,
  'Mutation.redactRevision.reason': 500,
  // Official desk.
  'DeskQueueFilter.category': 32,
  'DeskQueueFilter.tag': 64,
  'Query.staleOfficialAnswers.category': 32,
  'Query.cannedReplies.category': 32,
  'Query.deskStats.from': 10,
  'Query.deskStats.to': 10,
  'Query.deskStats.category': 32,
  'Mutation.setDeskTarget.category': 32,
  'CannedReplyInput.category': 32,
  'CannedReplyInput.title': 160,
  'CannedReplyInput.body': 10000,
  'Mutation.handOffToPrivateSupport.reason': 1000,
  'Mutation.closePrivateSupportCase.caseReference': 24,
  'Mutation.closePrivateSupportCase.outcome': 600,
  'Mutation.recordSuggestionClick.draftId': 64,
  'Query.searchQuestions.query': 200,
  'Query.similarQuestions.title': 300,
  'Query.similarQuestions.body': 20000,
  'Query.similarQuestions.draftId': 64,
  'Query.user.handle': 64,
  // Cursors (`after`) are short base64url strings.
  'Query.notifications.after': 200,
  'Query.questions.after': 200,
  'Query.reports.after': 200,
  'Query.officialQueue.after': 200,
  'Query.staleOfficialAnswers.after': 200,
  'Query.deskBreaches.after': 200,
  'Query.deskActions.after': 200,
  'Query.searchQuestions.after': 200,
  'Question.answers.after': 200,
  'User.answers.after': 200,
  'User.questions.after': 200,
};

/** IDs are decimal numbers of at most 19 digits; 64 leaves room for other ID formats. */
export const ID_LIMIT = 64;
/** A String without a row above (a field added since) still gets a ceiling. */
export const DEFAULT_STRING_LIMIT = 1000;
/** Items in one list argument or list input field. */
export const LIST_LIMIT = 100;

export function limitFor(coordinate: string, scalar: string): number {
  return STRING_LIMITS[coordinate] ?? (scalar === 'ID' ? ID_LIMIT : DEFAULT_STRING_LIMIT);
}

/** Trimmed length in code points; cheap for the common short value. */
function lengthOf(value: string, max: number): number {
  if (value.length <= max) return value.length;
  return charLength(value.trim());
}

function check(
  value: unknown,
  type: GraphQLInputType,
  coordinate: string,
  field: string,
  depth: number,
): void {
  if (value === null || value === undefined || depth > 20) return;
  const t = getNullableType(type);
  if (isListType(t)) {
    if (!Array.isArray(value)) return check(value, t.ofType, coordinate, field, depth + 1);
    if (value.length > LIST_LIMIT)
      throw AppError.badInput(`${field} must have at most ${LIST_LIMIT} items`, field);
    for (const item of value) check(item, t.ofType, coordinate, field, depth + 1);
    return;
  }
  if (isScalarType(t)) {
    if (typeof value !== 'string' || (t.name !== 'String' && t.name !== 'ID')) return;
    const max = limitFor(coordinate, t.name);
    if (lengthOf(value, max) > max)
      throw AppError.badInput(`${field} must be at most ${max} characters`, field);
    return;
  }
  if (isInputObjectType(t) && typeof value === 'object') {
    const fields = t.getFields();
    for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
      const f = fields[name];
      if (f) check(v, f.type, `${t.name}.${name}`, name, depth + 1);
    }
  }
}

/** True when a value of this type can hold a string (directly, in a list or in an input object). */
function holdsStrings(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const t = getNullableType(type);
  if (isListType(t)) return holdsStrings(t.ofType, seen);
  if (isScalarType(t)) return t.name === 'String' || t.name === 'ID';
  if (isInputObjectType(t)) {
    if (seen.has(t.name)) return false;
    seen.add(t.name);
    return Object.values(t.getFields()).some((f) => holdsStrings(f.type, seen));
  }
  return false;
}

function checkArgs(
  typeName: string,
  fieldName: string,
  args: readonly GraphQLArgument[],
  values: Record<string, unknown>,
): void {
  for (const arg of args) {
    if (arg.name in values)
      check(values[arg.name], arg.type, `${typeName}.${fieldName}.${arg.name}`, arg.name, 0);
  }
}

/**
 * Wraps the resolvers (and subscription sources) of every field with string arguments so that the
 * arguments are checked first. Used as the GraphQL module's `transformSchema`: HTTP and graphql-ws
 * execute the same schema.
 */
export function capStringArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const args = field.args.filter((a) => holdsStrings(a.type));
      if (args.length === 0) continue;
      const wrap = <S, C>(inner: GraphQLFieldResolver<S, C> | undefined): GraphQLFieldResolver<S, C> => {
        const next: GraphQLFieldResolver<S, C> = inner ?? defaultFieldResolver;
        return (source, values, context, info) => {
          checkArgs(type.name, field.name, args, values);
          return next(source, values, context, info);
        };
      };
      field.resolve = wrap(field.resolve);
      if (field.subscribe) field.subscribe = wrap(field.subscribe);
    }
  }
  return schema;
}
