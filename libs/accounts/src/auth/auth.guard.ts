import { AppError, RequestContext } from '@app/core';
import { CanActivate, ExecutionContext, Injectable, createParamDecorator } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UsersService } from '../users.service';
import { Actor, toActor } from './actor';

type ContextWithActor = { ctx: RequestContext; actor?: Actor };

/** Requires a valid bearer token and loads the user it names (roles and badges as of now). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly users: UsersService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const gql = GqlExecutionContext.create(context).getContext<ContextWithActor>();
    const { ctx } = gql;
    if (ctx.tokenError) throw AppError.unauthenticated(ctx.tokenError);
    if (!ctx.viewer) throw AppError.unauthenticated();
    const user = await this.users.loader(ctx).load(ctx.viewer.userId);
    if (!user) throw AppError.unauthenticated('This account no longer exists');
    gql.actor = toActor(user);
    return true;
  }
}

/** The actor loaded by AuthGuard. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = GqlExecutionContext.create(context).getContext<ContextWithActor>().actor;
  if (!actor) throw AppError.unauthenticated();
  return actor;
});
