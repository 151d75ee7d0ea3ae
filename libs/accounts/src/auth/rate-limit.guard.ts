import { RateAction, RateLimitService } from '@app/core';
import {
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Actor, isStaff } from './actor';
import { AuthGuard } from './auth.guard';

const RATE_ACTION = 'rateLimitAction';

/** Counts the action against the signed-in actor's limits (runs after AuthGuard). */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<RateAction | undefined>(RATE_ACTION, context.getHandler());
    const actor = GqlExecutionContext.create(context).getContext<{ actor?: Actor }>().actor;
    if (action && actor) {
      await this.limits.consumeFor(action, {
        id: actor.id,
        createdAt: actor.createdAt,
        isStaff: isStaff(actor),
      });
    }
    return true;
  }
}

/** A mutation that needs a signed-in user and counts against that user's `action` rate limit. */
export function SignedIn(action: RateAction): MethodDecorator {
  return applyDecorators(SetMetadata(RATE_ACTION, action), UseGuards(AuthGuard, RateLimitGuard));
}
