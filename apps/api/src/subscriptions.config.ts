import { RequestContextFactory, TokenRevocations, UsersService } from '@app/accounts';
import { AppError, ErrorCode, errorMessage, formatGraphQLError, RateLimitService } from '@app/core';
import type { GqlContext } from '@app/core';
import { Logger } from '@nestjs/common';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  DocumentNode,
  ExecutionResult,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  ValidationRule,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { ServerOptions, Context as WsServerContext } from 'graphql-ws';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';

export interface WsContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  // graphql-ws with the ws server: { socket, request }.
  extra?: unknown;
}

interface WsExtra {
  socket?: WebSocket;
  request?: IncomingMessage;
}

export interface WsLimits {
  maxTokens: number;
  perSocket: number;
  perUser: number;
  /** How often open sockets re-check their token version (0: only on this instance's own revocations). */
  recheckMs: number;
  /** Hide "Did you mean …" hints (production, like Armor's blockFieldSuggestion on HTTP). */
  hideSuggestions: boolean;
}

/** Close codes sent to the client (graphql-ws treats 4403 as fatal: no automatic reconnect). */
export const WS_CLOSE = { forbidden: 4403, revoked: 4403, tooMany: 4429 } as const;

const ONLY_SUBSCRIPTIONS =
  'Only subscriptions are served over WebSocket; send queries and mutations as HTTP POST to /graphql';

/** The bearer header a graphql-ws client sends as connectionParams.authorization. */
function wsHeaders(ctx: WsContext): Record<string, string | undefined> {
  const auth = ctx.connectionParams?.authorization;
  return { authorization: typeof auth === 'string' ? auth : undefined };
}

function extraOf(ctx: WsContext): WsExtra {
  return (ctx.extra as WsExtra | undefined) ?? {};
}

function ipOf(ctx: WsContext): string | null {
  return extraOf(ctx).request?.socket.remoteAddress ?? null;
}

/**
 * The request context of a WebSocket operation: the same viewer rules as HTTP (signature, expiry
 * and the user's current token version, checked again for every subscribe).
 */
export async function wsContext(ctx: WsContext, contexts: RequestContextFactory): Promise<GqlContext> {
  const headers = wsHeaders(ctx);
  return { req: { headers }, ctx: await contexts.create(headers, ipOf(ctx)) };
}

function appError(err: AppError): GraphQLError {
  return new GraphQLError(err.message, { extensions: { code: err.code, ...err.details } });
}

function limitError(message: string, limit: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.RATE_LIMITED, limit } });
}

/**
 * What a client sees of an error on the socket: the same formatter as HTTP (no internals). Errors
 * made here about the request as a whole already carry their code and are safe to show; errors
 * thrown while starting a subscription (a guard's AppError) arrive wrapped without a path.
 */
function formatErrors(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
  return errors.map((e) => {
    if (e.originalError) return formatGraphQLError(e.toJSON(), e.originalError);
    return typeof e.extensions.code === 'string' ? e.toJSON() : formatGraphQLError(e.toJSON(), e);
  });
}

interface SocketState {
  userId: string | null;
  tokenVersion: number | null;
  ctx: WsServerContext;
}

/**
 * Everything the HTTP endpoint enforces, applied to graphql-ws: the token is checked at connection
 * (signature, expiry, token version) and again for every subscribe; only subscription operations
 * run on the socket; documents go through graphql-js's rules plus GraphQL Armor's (depth, aliases,
 * directives, cost) and the token limit; concurrent subscriptions are capped per socket and per
 * account; connections and subscribes are rate-limited. A revoked token closes the account's sockets
 * (at once on this instance, within WS_TOKEN_RECHECK_MS on others).
 */
export class SubscriptionGate {
  private readonly logger = new Logger('graphql-ws');
  private readonly sockets = new Map<WsServerContext, SocketState>();
  private timer: NodeJS.Timeout | null = null;
  private readonly rules: readonly ValidationRule[];

  constructor(
    private readonly contexts: RequestContextFactory,
    private readonly users: UsersService,
    private readonly limits: RateLimitService,
    revocations: TokenRevocations,
    private readonly config: WsLimits,
    armorRules: readonly ValidationRule[],
  ) {
    this.rules = [...specifiedRules, ...armorRules];
    revocations.on((userId) => void this.recheck([userId]));
  }

  /** Subscriptions running on this instance for one account (every socket of theirs). */
  private subscriptionsOf(userId: string): number {
    let n = 0;
    for (const s of this.sockets.values()) {
      if (s.userId === userId) n += Object.keys(s.ctx.subscriptions).length;
    }
    return n;
  }

  private close(state: SocketState, code: number, reason: string): void {
    extraOf(state.ctx).socket?.close(code, reason);
    this.forget(state.ctx);
  }

  private forget(ctx: WsServerContext): void {
    this.sockets.delete(ctx);
    if (this.sockets.size === 0 && this.timer) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Closes the sockets whose token is no longer the user's current one. */
  async recheck(only?: readonly string[]): Promise<void> {
    const states = [...this.sockets.values()].filter(
      (s) => s.userId !== null && (!only || only.includes(s.userId)),
    );
    if (states.length === 0) return;
    try {
      const versions = await this.users.tokenVersions([...new Set(states.map((s) => s.userId as string))]);
      for (const s of states) {
        if (versions.get(s.userId as string) !== s.tokenVersion) {
          this.close(s, WS_CLOSE.revoked, 'Token revoked; sign in again');
        }
      }
    } catch (err) {
      this.logger.warn(`token re-check failed: ${errorMessage(err)}`);
    }
  }

  private startTimer(): void {
    if (this.timer || this.config.recheckMs <= 0) return;
    this.timer = setInterval(() => void this.recheck(), this.config.recheckMs);
    this.timer.unref();
  }

  private validationErrors(schema: GraphQLSchema, doc: DocumentNode): readonly GraphQLError[] {
    return validate(schema, doc, this.rules).map((e) => {
      const message = this.config.hideSuggestions
        ? e.message.replace(/ ?Did you mean [^?]{0,400}\?/g, '').trim()
        : e.message;
      return new GraphQLError(message, {
        nodes: e.nodes,
        extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });
  }

  options(): GraphQLWsSubscriptionsConfig {
    const options: Partial<ServerOptions> = {
      onConnect: async (ctx) => {
        try {
          await this.limits.consume('wsConnect', `ip:${ipOf(ctx) ?? 'unknown'}`);
        } catch (err) {
          const message = err instanceof AppError ? err.message : 'Too many connections';
          extraOf(ctx).socket?.close(WS_CLOSE.tooMany, message.slice(0, 120));
          return false;
        }
        const headers = wsHeaders(ctx);
        if (headers.authorization === undefined) {
          this.sockets.set(ctx, { userId: null, tokenVersion: null, ctx });
          return true;
        }
        const request = await this.contexts.create(headers, ipOf(ctx));
        if (request.tokenError !== null || !request.viewer) return false; // 4403 Forbidden
        this.sockets.set(ctx, {
          userId: request.viewer.userId,
          tokenVersion: request.viewer.tokenVersion,
          ctx,
        });
        this.startTimer();
        return true;
      },
      onClose: (ctx) => this.forget(ctx),
      onSubscribe: async (ctx, _id, payload) => {
        const state = this.sockets.get(ctx);
        if (!state)
          return [new GraphQLError('Connection closed', { extensions: { code: 'UNAUTHENTICATED' } })];
        let doc: DocumentNode;
        try {
          doc = parse(payload.query, { maxTokens: this.config.maxTokens });
        } catch (err) {
          return [
            new GraphQLError(err instanceof GraphQLError ? err.message : 'The query could not be parsed', {
              extensions: { code: 'GRAPHQL_PARSE_FAILED' },
            }),
          ];
        }
        const operation = getOperationAST(doc, payload.operationName);
        if (!operation) {
          return [new GraphQLError('Unable to identify operation', { extensions: { code: 'BAD_REQUEST' } })];
        }
        if (operation.operation !== 'subscription') {
          return [new GraphQLError(ONLY_SUBSCRIPTIONS, { extensions: { code: 'BAD_REQUEST' } })];
        }
        // ctx.subscriptions already holds this one (and any still starting), so these counts are
        // never below the truth, even for subscribes racing on one socket.
        if (Object.keys(ctx.subscriptions).length > this.config.perSocket) {
          return [
            limitError(
              `At most ${this.config.perSocket} subscriptions per connection; complete one first`,
              'perSocket',
            ),
          ];
        }
        if (state.userId !== null && this.subscriptionsOf(state.userId) > this.config.perUser) {
          return [
            limitError(
              `At most ${this.config.perUser} subscriptions per account; close another connection first`,
              'perUser',
            ),
          ];
        }
        try {
          await this.limits.consume('subscribe', state.userId ?? `ip:${ipOf(ctx) ?? 'unknown'}`);
        } catch (err) {
          if (err instanceof AppError) return [appError(err)];
          throw err;
        }
        return undefined; // graphql-ws parses again and validates with `validate` below
      },
      validate: (schema: GraphQLSchema, doc: DocumentNode) => this.validationErrors(schema, doc),
      // Resolver errors (and ours) reach the client through the same formatter as on HTTP.
      onNext: (_ctx, _id, _payload, _args, result: ExecutionResult) =>
        result.errors ? { ...result, errors: formatErrors(result.errors) } : undefined,
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
    };
    return options as GraphQLWsSubscriptionsConfig;
  }
}
