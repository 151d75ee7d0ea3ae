import { AnswerEntity } from './entities/answer.entity';
import { PostRevisionEntity } from './entities/post-revision.entity';
import { QuestionEntity } from './entities/question.entity';
import { Answer } from './models/answer.model';
import { QuestionStatus } from './models/enums';
import { Question, Revision } from './models/question.model';

export function tagNamesOf(entity: QuestionEntity): string[] | undefined {
  if (!entity.questionTags) return undefined;
  return [...entity.questionTags].sort((a, b) => a.position - b.position).map((qt) => qt.tag?.name ?? '');
}

export function toQuestion(entity: QuestionEntity): Question {
  return {
    id: entity.id,
    title: entity.title,
    body: entity.body,
    status: entity.status,
    isSolved: entity.status === QuestionStatus.SOLVED,
    answerCount: entity.answerCount,
    score: entity.score,
    meTooCount: entity.meTooCount,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    authorId: entity.authorId,
    acceptedAnswerId: entity.acceptedAnswerId,
    duplicateOfId: entity.duplicateOfId,
    categoryKey: entity.categoryKey,
    tagNames: tagNamesOf(entity),
    isHidden: entity.hiddenAt !== null,
    hiddenReason: entity.hiddenReason,
    maskedPersonalData: [],
  };
}

export function toAnswer(entity: AnswerEntity): Answer {
  return {
    id: entity.id,
    body: entity.body,
    isOfficial: entity.isOfficial,
    endorsedAt: entity.endorsedAt,
    verifiedAt: entity.verifiedAt,
    score: entity.score,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    questionId: entity.questionId,
    authorId: entity.authorId,
    endorsedById: entity.endorsedById,
    sourceQuestionId: entity.sourceQuestionId,
    isHidden: entity.hiddenAt !== null,
    hiddenReason: entity.hiddenReason,
    maskedPersonalData: [],
  };
}

export function toRevision(entity: PostRevisionEntity): Revision {
  return {
    id: entity.id,
    title: entity.title,
    body: entity.body,
    tags: entity.tags === null ? null : entity.tags.split('\n').filter(Boolean),
    replacedAt: entity.createdAt,
    editorId: entity.editorId,
    isRedacted: entity.redactedAt !== null,
    redactedAt: entity.redactedAt,
    redactionReason: entity.redactionReason,
    redactedById: entity.redactedById,
    targetType: entity.targetType,
    targetId: entity.targetId,
  };
}
