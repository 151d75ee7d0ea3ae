import { ANSWER_EVENTS } from '@app/forum';
import { NotificationKind } from './notification.models';
import {
  ACCEPT_REMINDER_EVENT,
  Audience,
  DESK_NOTICE_EVENT,
  OutboxRecord,
  noticesFor,
} from './notification-rules';

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

  it('sends desk notices to the named recipients, once each, never to the actor, of known kinds only', () => {
    const desk = (payload: Record<string, unknown>) => kinds(event(DESK_NOTICE_EVENT, payload));
    expect(desk({ kind: 'DESK_TARGET_REMINDER', recipients: ['o1', 'o2', 'o1'], actorId: null })).toEqual([
      'o1:DESK_TARGET_REMINDER',
      'o2:DESK_TARGET_REMINDER',
    ]);
    expect(desk({ kind: 'DESK_ASSIGNED', recipients: ['o1', 'mod'], actorId: 'mod' })).toEqual([
      'o1:DESK_ASSIGNED',
    ]);
    expect(desk({ kind: 'NEW_ANSWER', recipients: ['o1'] })).toEqual([]);
    expect(desk({ kind: 'PRIVATE_SUPPORT', recipients: 'asker' })).toEqual([]);
  });

  it('never names the official account in a desk notice to the asker (官方处理中 only)', () => {
    const desk = (payload: Record<string, unknown>) =>
      noticesFor(event(DESK_NOTICE_EVENT, payload), audience).map((n) => [n.userId, n.kind, n.actorId]);
    for (const kind of ['DESK_CLAIMED', 'PRIVATE_SUPPORT', 'PRIVATE_SUPPORT_CLOSED'])
      expect(desk({ kind, recipients: ['asker'], actorId: 'o1' })).toEqual([['asker', kind, null]]);
    // The asker who claims their own thread (an official account) is not told about it.
    expect(desk({ kind: 'DESK_CLAIMED', recipients: ['o1'], actorId: 'o1' })).toEqual([]);
    // Desk-internal notices keep who acted.
    expect(desk({ kind: 'DESK_ASSIGNED', recipients: ['o1'], actorId: 'mod' })).toEqual([
      ['o1', 'DESK_ASSIGNED', 'mod'],
    ]);
  });
});
