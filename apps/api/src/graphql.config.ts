import { RequestContextFactory } from '@app/accounts';
import { AppConfig, formatGraphQLError, queryCountPlugin } from '@app/core';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import type { Request } from 'express';
import * as path from 'node:path';

/** Apollo options: per-request context with fresh DataLoaders, one error formatter, no stack traces. */
export function graphqlOptions(config: AppConfig, contexts: RequestContextFactory): ApolloDriverConfig {
  const dev = !config.isProduction;
  return {
    // The committed schema.gql is rewritten by `npm start` in development only; tests compare against it.
    autoSchemaFile: config.get('NODE_ENV') === 'development' ? path.join(process.cwd(), 'schema.gql') : true,
    sortSchema: true,
    path: '/graphql',
    playground: false,
    introspection: dev,
    plugins: dev ? [ApolloServerPluginLandingPageLocalDefault({ embed: true }), queryCountPlugin] : [],
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    formatError: formatGraphQLError,
    context: ({ req }: { req: Request }) => ({ req, ctx: contexts.create(req.headers, req.ip ?? null) }),
  };
}
