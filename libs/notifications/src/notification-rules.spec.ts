import { ANSWER_EVENTS } from '@app/forum';
import { NotificationKind } from './notification.models';
import { ACCEPT_REMINDER_EVENT, Audience, OutboxRecord, noticesFor } from './notification-rules';

const audience: Audience = {
  followers: () => ['asker', 'follower', 'answerer'],
  meToos: () => ['same1', 'answerer'],
};
const event = (topic: string, payload: Record<string, unknown>): OutboxRecord => ({
  id: '7',
  topic,
  questionId: '1',
  payload,
});
const kinds = (e: OutboxRecord) => noticesFor(e, audience).map((n) => `${n.userId}:${n.kind}`);

describe('noticesFor', () => {
  it('tells followers of a new answer, but not its author', () => {
    expect(
      kinds(event(ANSWER_EVENTS.posted, { answerId: '9', authorId: 'answerer', isOfficial: false })),
    ).toEqual(['asker:NEW_ANSWER', 'follower:NEW_ANSWER']);
  });

  it('an official answer is OFFICIAL_ANSWER for followers and solves the thread for me-too members', () => {
    expect(
      kinds(event(ANSWER_EVENTS.posted, { answerId: '9', authorId: 'staff', isOfficial: true })),
    ).toEqual([
      'asker:OFFICIAL_ANSWER',
      'follower:OFFICIAL_ANSWER',
      'answerer:OFFICIAL_ANSWER',
      'same1:ME_TOO_SOLVED',
      'answerer:ME_TOO_SOLVED',
    ]);
  });

  it('tells the answer author of an accept unless they accepted it themselves', () => {
    const accepted = event(ANSWER_EVENTS.accepted, {
      answerId: '9',
      answerAuthorId: 'answerer',
      acceptedBy: 'asker',
    });
    expect(kinds(accepted)).toEqual([
      'answerer:ANSWER_ACCEPTED',
      'same1:ME_TOO_SOLVED',
      'answerer:ME_TOO_SOLVED',
    ]);
    const self = event(ANSWER_EVENTS.accepted, {
      answerId: '9',
      answerAuthorId: 'asker',
      acceptedBy: 'asker',
    });
    expect(kinds(self).filter((k) => k.endsWith(NotificationKind.ANSWER_ACCEPTED))).toEqual([]);
  });

  it('reminds the asker and ignores other topics', () => {
    expect(kinds(event(ACCEPT_REMINDER_EVENT, { askerId: 'asker' }))).toEqual(['asker:ACCEPT_REMINDER']);
    expect(kinds(event('question.edited', {}))).toEqual([]);
  });
});
