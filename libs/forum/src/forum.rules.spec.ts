import { AppError } from '@app/core';
import { Role } from '@app/accounts';
import {
  cleanTags,
  cleanTitle,
  compareAnswers,
  requireAuthorOrModerator,
  requireOfficialOrModerator,
  isStale,
  staleBefore,
  statusOf,
  voteNumber,
  voteValue,
} from './forum.rules';
import { QuestionStatus, VoteValue } from './models/enums';

const member = { id: '1', handle: 'm', role: Role.MEMBER, isOfficial: false, createdAt: new Date(0) };

describe('forum rules', () => {
  it('derives status: closed beats solved beats open', () => {
    expect(statusOf({ duplicateOfId: null, acceptedAnswerId: null, officialAnswerCount: 0 })).toBe(
      QuestionStatus.OPEN,
    );
    expect(statusOf({ duplicateOfId: null, acceptedAnswerId: '5', officialAnswerCount: 0 })).toBe(
      QuestionStatus.SOLVED,
    );
    expect(statusOf({ duplicateOfId: null, acceptedAnswerId: null, officialAnswerCount: 2 })).toBe(
      QuestionStatus.SOLVED,
    );
    expect(statusOf({ duplicateOfId: '3', acceptedAnswerId: '5', officialAnswerCount: 1 })).toBe(
      QuestionStatus.CLOSED,
    );
  });

  it('normalises tags: NFKC, trimmed, lower-case, de-duplicated', () => {
    expect(cleanTags([' Huabei', 'ＨＵＡＢＥＩ', '花呗', 'c++', 'c#'])).toEqual([
      'huabei',
      '花呗',
      'c++',
      'c#',
    ]);
    expect(() => cleanTags(['a', 'b', 'c', 'd', 'e', 'f'])).toThrow(AppError);
    expect(() => cleanTags(['-leading'])).toThrow(AppError);
    expect(() => cleanTags(['<script>'])).toThrow(AppError);
  });

  it('collapses white space in titles and counts characters, not UTF-16 units', () => {
    expect(cleanTitle('花呗   还款\t失败')).toBe('花呗 还款 失败');
    expect(cleanTitle('😀'.repeat(150))).toHaveLength(300);
    expect(() => cleanTitle('😀'.repeat(151))).toThrow(/at most 150/);
  });

  it('maps vote values both ways', () => {
    for (const v of [VoteValue.UP, VoteValue.DOWN, VoteValue.NONE]) expect(voteValue(voteNumber(v))).toBe(v);
  });

  it('orders answers official, accepted, score, oldest', () => {
    const at = (s: number) => new Date(2026, 0, 1, 0, 0, s);
    const answers = [
      { id: '1', isOfficial: false, score: 0, createdAt: at(1) },
      { id: '2', isOfficial: false, score: 5, createdAt: at(2) },
      { id: '3', isOfficial: false, score: 0, createdAt: at(3) },
      { id: '4', isOfficial: true, score: -2, createdAt: at(4) },
      { id: '5', isOfficial: false, score: 0, createdAt: at(1) },
    ];
    expect([...answers].sort(compareAnswers('3')).map((a) => a.id)).toEqual(['4', '3', '2', '1', '5']);
  });

  it('checks rights', () => {
    expect(() => requireAuthorOrModerator(member, '2', 'edit')).toThrow(AppError);
    expect(() => requireAuthorOrModerator(member, '1', 'edit')).not.toThrow();
    expect(() => requireAuthorOrModerator({ ...member, role: Role.MODERATOR }, '2', 'edit')).not.toThrow();
    expect(() => requireOfficialOrModerator(member)).toThrow(AppError);
    expect(() => requireOfficialOrModerator({ ...member, isOfficial: true })).not.toThrow();
  });

  it('flags official answers verified before OFFICIAL_ANSWER_STALE_DAYS ago as stale', () => {
    const now = new Date('2026-06-30T00:00:00Z');
    const before = staleBefore({ now: () => now }, { get: () => 180 } as never);
    expect(before.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(isStale({ isOfficial: true, verifiedAt: new Date('2025-12-31T23:59:59Z') }, before)).toBe(true);
    expect(isStale({ isOfficial: true, verifiedAt: new Date('2026-01-02T00:00:00Z') }, before)).toBe(false);
    expect(isStale({ isOfficial: false, verifiedAt: null }, before)).toBe(false);
  });
});
