import { Ctx, RequestContext } from '@app/core';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Answer } from '../models/answer.model';
import { PostType, VoteValue } from '../models/enums';
import { Question } from '../models/question.model';
import { VotesService } from './votes.service';

const DESCRIPTION = "The signed-in viewer's own vote on this post (NONE when signed out or not voted)";

@Resolver(() => Question)
export class QuestionViewerVoteResolver {
  constructor(private readonly votes: VotesService) {}

  @ResolveField(() => VoteValue, { description: DESCRIPTION })
  viewerVote(@Ctx() ctx: RequestContext, @Parent() q: Question): Promise<VoteValue> | VoteValue {
    return ctx.viewer
      ? this.votes.viewerVoteLoader(ctx, ctx.viewer.userId, PostType.QUESTION).load(q.id)
      : VoteValue.NONE;
  }
}

@Resolver(() => Answer)
export class AnswerViewerVoteResolver {
  constructor(private readonly votes: VotesService) {}

  @ResolveField(() => VoteValue, { description: DESCRIPTION })
  viewerVote(@Ctx() ctx: RequestContext, @Parent() a: Answer): Promise<VoteValue> | VoteValue {
    return ctx.viewer
      ? this.votes.viewerVoteLoader(ctx, ctx.viewer.userId, PostType.ANSWER).load(a.id)
      : VoteValue.NONE;
  }
}
