import { Ctx, RequestContext, parseId } from '@app/core';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from './auth/actor';
import { AuthGuard, CurrentActor } from './auth/auth.guard';
import { AuthService, IssuedToken } from './auth/auth.service';
import { LoginInput, RegisterInput } from './dto/auth.input';
import { AuthPayload, User } from './models/user.model';
import { toUser } from './users.mapper';
import { UsersService } from './users.service';

function toPayload(issued: IssuedToken): AuthPayload {
  return { token: issued.token, expiresAt: issued.expiresAt, user: toUser(issued.user) };
}

@Resolver(() => User)
export class AccountsResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => AuthPayload)
  async register(@Args('input') input: RegisterInput): Promise<AuthPayload> {
    return toPayload(await this.auth.register(input));
  }

  @Mutation(() => AuthPayload)
  async login(@Args('input') input: LoginInput): Promise<AuthPayload> {
    return toPayload(await this.auth.login(input));
  }

  @Query(() => User, { nullable: true, description: 'The signed-in user, or null' })
  async me(@Ctx() ctx: RequestContext): Promise<User | null> {
    if (!ctx.viewer) return null;
    const user = await this.users.loader(ctx).load(ctx.viewer.userId);
    return user ? toUser(user) : null;
  }

  @Query(() => User, { nullable: true })
  async user(@Args('handle') handle: string): Promise<User | null> {
    const user = await this.users.findByHandle(handle.trim());
    return user ? toUser(user) : null;
  }

  @Mutation(() => User, { description: 'Admin only' })
  @UseGuards(AuthGuard)
  async grantOfficialBadge(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('label') label: string,
  ): Promise<User> {
    return toUser(await this.users.grantOfficialBadge(actor, parseId(userId, 'userId'), label));
  }

  @Mutation(() => User, { description: 'Admin only' })
  @UseGuards(AuthGuard)
  async revokeOfficialBadge(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<User> {
    return toUser(await this.users.revokeOfficialBadge(actor, parseId(userId, 'userId')));
  }
}
