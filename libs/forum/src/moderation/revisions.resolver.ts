import { Actor, CurrentActor, SignedIn, User, UsersService, toUser } from '@app/accounts';
import { Ctx, RequestContext } from '@app/core';
import { Args, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Revision } from '../models/question.model';
import { RevisionsService } from './revisions.service';

@Resolver(() => Revision)
export class RevisionsResolver {
  constructor(
    private readonly revisions: RevisionsService,
    private readonly users: UsersService,
  ) {}

  @Mutation(() => Revision, {
    description: 'Moderators: remove the text of an old version (kept as "redacted by … because …")',
  })
  @SignedIn('moderate')
  redactRevision(
    @CurrentActor() actor: Actor,
    @Args('revisionId', { type: () => ID }) revisionId: string,
    @Args('reason') reason: string,
  ): Promise<Revision> {
    return this.revisions.redact(actor, revisionId, reason);
  }

  @ResolveField(() => User, { nullable: true, description: 'The moderator who redacted this version' })
  async redactedBy(@Ctx() ctx: RequestContext, @Parent() r: Revision): Promise<User | null> {
    const user = r.redactedById ? await this.users.loader(ctx).load(r.redactedById) : null;
    return user ? toUser(user) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'For a redacted version: "redacted by <moderator> because <reason>"',
  })
  async redactionNotice(@Ctx() ctx: RequestContext, @Parent() r: Revision): Promise<string | null> {
    if (!r.isRedacted) return null;
    const by = await this.redactedBy(ctx, r);
    return `redacted by ${by?.handle ?? 'a moderator'} because ${r.redactionReason ?? ''}`;
  }
}
