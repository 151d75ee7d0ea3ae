import { RequestContextFactory, TokenRevocations, UsersService } from '@app/accounts';
import { AppConfig, RateLimitService, formatGraphQLError, queryCountPlugin } from '@app/core';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ApolloDriverConfig } from '@nestjs/apollo';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Request } from 'express';
import * as path from 'node:path';
import { capStringArguments } from './input-limits';
import { SubscriptionGate, wsContext } from './subscriptions.config';

/**
 * Limits on what one operation may ask for (GraphQL Armor). The deepest legitimate query, a thread
 * page with answers, authors and badges, is 7 levels deep and costs about 9,800 in Armor's model (depth-weighted field count).
 */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2000,
  maxCost: 15000,
};

/** Answers may hold personal data (`me`, a member's notifications): no cache keeps them. */
const noStore: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** Apollo options: per-request context with fresh DataLoaders, one error formatter, no stack traces. */
export function graphqlOptions(
  config: AppConfig,
  contexts: RequestContextFactory,
  users: UsersService,
  limits: RateLimitService,
  revocations: TokenRevocations,
): ApolloDriverConfig {
  const production = config.isProduction;
  const armor = new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    // The token limit is graphql-js's own parse option (parseOptions below): Armor's Apollo plugin
    // rejects from an error hook, which Apollo answers with a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: true },
    // "Did you mean …" hints would map the schema for an attacker when introspection is off.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  // Apollo installs its cache-control plugin by default: it wraps every field's resolver to collect
  // cache hints nobody uses here, a measurable share of a thread page's CPU time (bench:api --profile).
  // Disabled; its one visible effect, `cache-control: no-store` on every response, is kept by noStore.
  const plugins = [...armor.plugins, ApolloServerPluginCacheControlDisabled(), noStore];
  // The socket gets the same validation rules (Armor's included), authentication and limits.
  const gate = new SubscriptionGate(
    contexts,
    users,
    limits,
    revocations,
    {
      maxTokens: GRAPHQL_LIMITS.maxTokens,
      perSocket: config.get('WS_MAX_SUBSCRIPTIONS_PER_SOCKET'),
      perUser: config.get('WS_MAX_SUBSCRIPTIONS_PER_USER'),
      recheckMs: config.get('WS_TOKEN_RECHECK_MS'),
      hideSuggestions: production,
    },
    armor.validationRules,
  );
  if (config.get('GRAPHQL_SANDBOX')) plugins.push(ApolloServerPluginLandingPageLocalDefault({ embed: true }));
  if (!production) plugins.push(queryCountPlugin);
  return {
    // The committed schema.gql is rewritten by `npm start` in development only; tests compare against it.
    autoSchemaFile: config.get('NODE_ENV') === 'development' ? path.join(process.cwd(), 'schema.gql') : true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: config.get('GRAPHQL_INTROSPECTION'),
    plugins,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    // Length caps on every String and ID argument, HTTP and WebSocket alike (input-limits.ts).
    transformSchema: capStringArguments,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: formatGraphQLError,
    // HTTP requests bring `req`; graphql-ws operations bring the socket's connectionParams instead.
    context: async (arg: { req?: Request } & Parameters<typeof wsContext>[0]) =>
      arg.req
        ? { req: arg.req, ctx: await contexts.create(arg.req.headers, arg.req.ip ?? null) }
        : wsContext(arg, contexts),
    // Live notifications (notificationAdded) over graphql-ws on the same path.
    subscriptions: { 'graphql-ws': gate.options() },
  };
}
