import { preferSolved } from './similarity-ranker';

describe('preferSolved', () => {
  const c = (id: string, score: number, isSolved = false, hasOfficialAnswer = false, answerCount = 0) => ({
    id,
    score,
    isSolved,
    hasOfficialAnswer,
    answerCount,
  });

  it('puts solved and official threads first among near-equal matches, keeping their scores', () => {
    expect(preferSolved([c('open', 0.9), c('solved', 0.88, true), c('official', 0.85, true, true)])).toEqual([
      { id: 'official', score: 0.85 },
      { id: 'solved', score: 0.88 },
      { id: 'open', score: 0.9 },
    ]);
  });

  it('never lets the nudge beat a clearly better match', () => {
    expect(preferSolved([c('weak', 0.5, true, true), c('strong', 0.95)]).map((r) => r.id)).toEqual([
      'strong',
      'weak',
    ]);
  });

  it('breaks ties by answer count', () => {
    expect(
      preferSolved([c('a', 0.7, false, false, 1), c('b', 0.7, false, false, 3)]).map((r) => r.id),
    ).toEqual(['b', 'a']);
  });
});
