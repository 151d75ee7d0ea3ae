import { AccountsModule } from '@app/accounts';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AnswersRepository } from './answers/answers.repository';
import { AnswersResolver } from './answers/answers.resolver';
import { AnswersService } from './answers/answers.service';
import { AnswerEntity } from './entities/answer.entity';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { QuestionTagEntity } from './entities/question-tag.entity';
import { QuestionEntity } from './entities/question.entity';
import { TagEntity } from './entities/tag.entity';
import { CommunityResolver, AnswerFreshnessResolver } from './community/community.resolver';
import { CommunityService } from './community/community.service';
import { CommunityRepository } from './community/community.repository';
import { AttachmentsRepository } from './attachments/attachments.repository';
import { MeTooEntity } from './entities/me-too.entity';
import { ReportEntity } from './entities/report.entity';
import { VoteEntity } from './entities/vote.entity';
import { ModerationResolver } from './moderation/moderation.resolver';
import { ModerationService } from './moderation/moderation.service';
import { VisibilityService } from './moderation/visibility.service';
import { QuestionsRepository } from './questions/questions.repository';
import { QuestionSourcesRepository } from './questions/question-sources.repository';
import { QuestionsResolver } from './questions/questions.resolver';
import { QuestionsService } from './questions/questions.service';
import { UserPostsResolver } from './user-posts.resolver';
import { VotesService } from './votes/votes.service';
import { CategoriesResolver, QuestionCategoryResolver } from './categories/categories.resolver';
import { CategoriesService } from './categories/categories.service';
import { AnswerViewerVoteResolver, QuestionViewerVoteResolver } from './votes/viewer-vote.resolver';
import { CategoryFieldEntity } from './entities/category-field.entity';
import { CategoryEntity } from './entities/category.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { RecommendationsRepository } from './recommendations/recommendations.repository';
import { RecommendationsResolver } from './recommendations/recommendations.resolver';
import { OfficialMarks } from './official/official-marks';
import { RevisionsResolver } from './moderation/revisions.resolver';
import { RevisionsService } from './moderation/revisions.service';
import { OfficialMarkChangeEntity } from './entities/official-mark-change.entity';

@Module({
  imports: [
    AccountsModule,
    TypeOrmModule.forFeature([
      QuestionEntity,
      AnswerEntity,
      TagEntity,
      QuestionTagEntity,
      VoteEntity,
      PostRevisionEntity,
      ReportEntity,
      MeTooEntity,
      CategoryEntity,
      CategoryFieldEntity,
      IdempotencyKeyEntity,
      OfficialMarkChangeEntity,
    ]),
  ],
  providers: [
    QuestionsService,
    QuestionsRepository,
    QuestionSourcesRepository,
    QuestionsResolver,
    AnswersService,
    AnswersRepository,
    AnswersResolver,
    VotesService,
    QuestionViewerVoteResolver,
    AnswerViewerVoteResolver,
    UserPostsResolver,
    ModerationService,
    ModerationResolver,
    VisibilityService,
    CommunityService,
    CommunityRepository,
    AttachmentsRepository,
    CommunityResolver,
    AnswerFreshnessResolver,
    CategoriesService,
    CategoriesResolver,
    QuestionCategoryResolver,
    RecommendationsRepository,
    RecommendationsResolver,
    OfficialMarks,
    RevisionsService,
    RevisionsResolver,
  ],
  exports: [
    CommunityRepository,
    QuestionsRepository,
    QuestionSourcesRepository,
    AnswersRepository,
    QuestionsService,
    AnswersService,
    VotesService,
    VisibilityService,
    ModerationService,
    CategoriesService,
  ],
})
export class ForumModule {}
