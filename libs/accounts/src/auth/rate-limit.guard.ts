import {
  AppError,
  ErrorCode,
  RateAction,
  RateGate,
  RateLimitService,
  RequestContext,
  Tier,
  runWithRateGate,
} from '@app/core';
import {
  CallHandler,
  CanActivate,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UseGuards,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Observable, from, lastValueFrom } from 'rxjs';
import { Actor, isStaff } from './actor';
import { AuthGuard } from './auth.guard';

const RATE_ACTION = 'rateLimitAction';
const RATE_EVERY_ATTEMPT = 'rateLimitEveryAttempt';

/** Codes of an action refused for what was asked (it wrote nothing): they count as refused attempts. */
const REFUSALS = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.CONFLICT,
  ErrorCode.UNAUTHENTICATED,
]);

interface LimitedCall {
  action: RateAction;
  actor: Actor;
  tier: Tier;
  /** The client address, when known (not on a WebSocket without one). */
  address: string | null;
  /** Every attempt costs a point, refused or not (guessing a secret: see SignedIn's options). */
  everyAttempt: boolean;
}

function limitedCall(
  reflector: Reflector,
  limits: RateLimitService,
  context: ExecutionContext,
): LimitedCall | null {
  const action = reflector.get<RateAction | undefined>(RATE_ACTION, context.getHandler());
  const gqlContext = GqlExecutionContext.create(context);
  const gql = gqlContext.getContext<{ actor?: Actor; ctx?: RequestContext }>();
  if (!action || !gql.actor) return null;
  // Reads never spend an action's (write) points: a query marked SignedIn only needs a signed-in user.
  const info = gqlContext.getInfo<GraphQLResolveInfo | undefined>();
  if (info?.operation?.operation === 'query') return null;
  const actor = gql.actor;
  const tier = limits.tierOf({ id: actor.id, createdAt: actor.createdAt, isStaff: isStaff(actor) });
  const everyAttempt = reflector.get<boolean | undefined>(RATE_EVERY_ATTEMPT, context.getHandler()) === true;
  return { action, actor, tier, address: gql.ctx?.ip ?? null, everyAttempt };
}

const refusedMessage = (rule: string, retry: number) =>
  `Too many refused attempts (${rule}); fix the request and try again in ${retry} s`;

/**
 * Refuses a limited action while its actor, or its client address, has had too many refused attempts
 * (the `refused` and `refusedAddress` limits). Counts nothing: the action's own point is taken by
 * RateLimitInterceptor once the action is accepted.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const call = limitedCall(this.reflector, this.limits, context);
    if (call && this.limits.enabled) {
      await this.limits.assertRoom('refused', call.actor.id, call.tier, refusedMessage);
      if (call.address)
        await this.limits.assertRoom('refusedAddress', call.address, call.tier, refusedMessage);
    }
    return true;
  }
}

/** Takes the action's point once, at its first write (see rateLimitCheckpoint); closes with the action. */
class ActionGate implements RateGate {
  private charge: Promise<void> | null = null;
  charged = false;
  private open = true;

  constructor(
    private readonly limits: RateLimitService,
    private readonly call: LimitedCall,
  ) {}

  pass(): Promise<void> {
    if (!this.open) return Promise.resolve();
    this.charge ??= this.limits.consume(this.call.action, this.call.actor.id, this.call.tier).then(
      () => {
        this.charged = true;
      },
      (err: unknown) => {
        this.charge = null; // nothing was counted; a later write of the same action asks again
        throw err;
      },
    );
    return this.charge;
  }

  /** Ends the action: writes started after this (background work it triggered) are not charged. */
  async close(): Promise<void> {
    this.open = false;
    await this.charge?.catch(() => undefined);
  }
}

/**
 * Counts a limited action only if it is accepted. Interceptors wrap the pipes and the handler, so the
 * handler's input, rights and visibility checks run before the action's first write, where the gate
 * takes the point atomically (two racing requests can never both take the last point). A refused
 * action gets its point back (if it had reached a write) and counts one refused attempt for the actor
 * and for the address instead.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const call = limitedCall(this.reflector, this.limits, context);
    if (!call || !this.limits.enabled) return next.handle();
    return from(this.limited(call, next));
  }

  private async limited(call: LimitedCall, next: CallHandler): Promise<unknown> {
    const gate = new ActionGate(this.limits, call);
    // An attempt that guesses a secret is counted before the guess is checked, and never given back.
    if (call.everyAttempt) await gate.pass();
    let result: unknown;
    try {
      // Subscribed inside the gate's async context, so the handler's writes see the gate.
      result = await runWithRateGate(gate, () => lastValueFrom(next.handle(), { defaultValue: undefined }));
    } catch (err) {
      await gate.close();
      if (gate.charged && !call.everyAttempt) await this.limits.refund(call.action, call.actor.id, call.tier);
      if (err instanceof AppError && REFUSALS.has(err.code)) {
        await this.limits.penalise('refused', call.actor.id, call.tier);
        if (call.address) await this.limits.penalise('refusedAddress', call.address, call.tier);
      }
      throw err;
    }
    await gate.close();
    if (!gate.charged) {
      // Accepted without passing a checkpoint (a write outside inTransaction and without
      // rateLimitCheckpoint, or an action that changed nothing): count it now, refusing nothing.
      await this.limits.penalise(call.action, call.actor.id, call.tier);
    }
    return result;
  }
}

/**
 * A mutation that needs a signed-in user and counts against that user's `action` rate limit, only
 * when the action is accepted; with `everyAttempt`, every attempt counts before the handler runs
 * (for actions that check a secret, such as changePassword's current password). On a query it only asks
 * for a signed-in user: reads never spend an action's points.
 */
export function SignedIn(action: RateAction, options: { everyAttempt?: boolean } = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(RATE_ACTION, action),
    SetMetadata(RATE_EVERY_ATTEMPT, options.everyAttempt === true),
    UseGuards(AuthGuard, RateLimitGuard),
    UseInterceptors(RateLimitInterceptor),
  );
}
