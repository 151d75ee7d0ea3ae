import { AppError, Ctx, ErrorCode, RateLimitService, RequestContext, parseId } from '@app/core';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from './auth/actor';
import { CurrentActor } from './auth/auth.guard';
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
  @SignedIn('moderate')
  async grantOfficialBadge(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('label') label: string,
  ): Promise<User> {
    return toUser(await this.users.grantOfficialBadge(actor, parseId(userId, 'userId'), label));
  }

  @Mutation(() => User, { description: 'Admin only' })
  @SignedIn('moderate')
  async revokeOfficialBadge(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<User> {
    return toUser(await this.users.revokeOfficialBadge(actor, parseId(userId, 'userId')));
  }
}
