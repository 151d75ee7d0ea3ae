import { RequestContextFactory } from '@app/accounts';
import type { GqlContext } from '@app/core';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { FragmentDefinitionNode, GraphQLError, Kind, SelectionSetNode, parse } from 'graphql';
import type { IncomingMessage } from 'node:http';

export interface WsContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  // graphql-ws with the ws server: { socket, request }.
  extra?: unknown;
}

/** The bearer header a graphql-ws client sends as connectionParams.authorization. */
function wsHeaders(ctx: WsContext): Record<string, string | undefined> {
  const auth = ctx.connectionParams?.authorization;
  return { authorization: typeof auth === 'string' ? auth : undefined };
}

/** The request context of a WebSocket operation: the same viewer rules as HTTP. */
export function wsContext(ctx: WsContext, contexts: RequestContextFactory): GqlContext {
  const headers = wsHeaders(ctx);
  const request = (ctx.extra as { request?: IncomingMessage } | undefined)?.request;
  return { req: { headers }, ctx: contexts.create(headers, request?.socket.remoteAddress ?? null) };
}

function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!set) return 0;
  let max = 0;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) max = Math.max(max, 1 + depthOf(s.selectionSet, fragments, seen));
    else if (s.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(s.selectionSet, fragments, seen));
    else if (!seen.has(s.name.value)) {
      const next = new Set(seen).add(s.name.value);
      max = Math.max(max, depthOf(fragments.get(s.name.value)?.selectionSet, fragments, next));
    }
  }
  return max;
}

/**
 * graphql-ws options: a connection with a bad token is refused (4403) at once; no token is allowed
 * (subscriptions that need one answer UNAUTHENTICATED). Apollo's Armor limits do not run on the
 * socket, so the token and depth limits are checked here.
 */
export function graphqlWsOptions(
  contexts: RequestContextFactory,
  limits: { maxTokens: number; maxDepth: number },
): GraphQLWsSubscriptionsConfig {
  return {
    onConnect: (ctx: WsContext) => {
      const headers = wsHeaders(ctx);
      return headers.authorization === undefined || contexts.create(headers).tokenError === null;
    },
    onSubscribe: (_ctx, _id, payload) => {
      try {
        const doc = parse(payload.query, { maxTokens: limits.maxTokens });
        const fragments = new Map(
          doc.definitions.flatMap((d) =>
            d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [],
          ),
        );
        for (const d of doc.definitions) {
          if (
            d.kind === Kind.OPERATION_DEFINITION &&
            depthOf(d.selectionSet, fragments, new Set()) > limits.maxDepth
          ) {
            return [new GraphQLError(`Query depth is limited to ${limits.maxDepth}`)];
          }
        }
      } catch (err) {
        return [err instanceof GraphQLError ? err : new GraphQLError('The query could not be parsed')];
      }
      return undefined;
    },
  };
}
