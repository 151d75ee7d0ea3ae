import { AppError, Ctx, ErrorCode, RateLimitService, RequestContext, parseId } from '@app/core';
import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from './auth/actor';
import { AuthGuard, CurrentActor } from './auth/auth.guard';
import { SignedIn } from './auth/rate-limit.guard';
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
    private readonly limits: RateLimitService,
  ) {}

  @Mutation(() => AuthPayload)
  async register(@Ctx() ctx: RequestContext, @Args('input') input: RegisterInput): Promise<AuthPayload> {
    await this.limits.consume('register', ctx.ip ?? 'unknown');
    return toPayload(await this.auth.register(input));
  }

  /**
   * Limited per IP address. Each attempt is counted per handle and address before the password is
   * checked; repeated failures lock that pair only, for growing delays, so nobody can lock another
   * person out of their own address.
   */
  @Mutation(() => AuthPayload)
  async login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput): Promise<AuthPayload> {
    const address = ctx.ip ?? 'unknown';
    const handleKey = input.handle.trim().toLowerCase().slice(0, 64);
    await this.limits.consume('loginIp', address);
    const attempt = await this.limits.beginLogin(handleKey, address);
    let issued: IssuedToken;
    try {
      issued = await this.auth.login(input);
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCode.UNAUTHENTICATED) await attempt.failed();
      else await attempt.cancelled();
      throw err;
    }
    await attempt.succeeded();
    return toPayload(issued);
  }

  @Query(() => User, {
    nullable: true,
    description: 'The signed-in user, or null without a token (UNAUTHENTICATED with a bad or revoked one)',
  })
  async me(@Ctx() ctx: RequestContext): Promise<User | null> {
    if (ctx.tokenError) throw AppError.unauthenticated(ctx.tokenError);
    if (!ctx.viewer) return null;
    const user = await this.users.loader(ctx).load(ctx.viewer.userId);
    return user ? toUser(user) : null;
  }

  @Query(() => User, { nullable: true })
  async user(@Args('handle') handle: string): Promise<User | null> {
    const user = await this.users.findByHandle(handle.trim());
    return user ? toUser(user) : null;
  }

  @Mutation(() => Boolean, {
    description: "Signs out on every device: all of the viewer's tokens stop working (HTTP and WebSocket)",
  })
  @UseGuards(AuthGuard)
  async logout(@CurrentActor() actor: Actor): Promise<boolean> {
    await this.auth.logout(actor.id);
    return true;
  }

  @Mutation(() => AuthPayload, {
    description: 'Changes the password; every earlier token stops working and a fresh one is returned',
  })
  @SignedIn('password', { everyAttempt: true })
  async changePassword(
    @CurrentActor() actor: Actor,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<AuthPayload> {
    return toPayload(await this.auth.changePassword(actor.id, currentPassword, newPassword));
  }

  @Mutation(() => User, {
    description:
      "Admin only. Revokes the user's earlier tokens; displayName optionally renames the account (official accounts may use names such as 支付宝官方客服, members may not)",
  })
  @SignedIn('moderate')
  async grantOfficialBadge(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('label') label: string,
    @Args('displayName', { type: () => String, nullable: true }) displayName: string | null,
  ): Promise<User> {
    return toUser(
      await this.users.grantOfficialBadge(actor, parseId(userId, 'userId'), label, { displayName }),
    );
  }

  @Mutation(() => User, { description: "Admin only. Revokes the user's earlier tokens" })
  @SignedIn('moderate')
  async revokeOfficialBadge(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<User> {
    return toUser(await this.users.revokeOfficialBadge(actor, parseId(userId, 'userId')));
  }
}
