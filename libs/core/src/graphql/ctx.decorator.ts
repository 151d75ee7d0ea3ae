import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { RequestContext } from './request-context';

/** The request context (viewer and DataLoaders) of a GraphQL operation. */
export const Ctx = createParamDecorator(
  (_: unknown, context: ExecutionContext): RequestContext =>
    GqlExecutionContext.create(context).getContext<{ ctx: RequestContext }>().ctx,
);
