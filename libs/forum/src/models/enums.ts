import { registerEnumType } from '@nestjs/graphql';

export enum QuestionStatus {
  OPEN = 'OPEN',
  SOLVED = 'SOLVED',
  CLOSED = 'CLOSED',
}

export enum PostType {
  QUESTION = 'QUESTION',
  ANSWER = 'ANSWER',
}

export enum VoteValue {
  UP = 'UP',
  DOWN = 'DOWN',
  NONE = 'NONE',
}

export enum ReportStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
  DISMISSED = 'DISMISSED',
}

registerEnumType(ReportStatus, { name: 'ReportStatus' });
registerEnumType(QuestionStatus, { name: 'QuestionStatus' });
registerEnumType(PostType, { name: 'PostType' });
registerEnumType(VoteValue, { name: 'VoteValue' });
