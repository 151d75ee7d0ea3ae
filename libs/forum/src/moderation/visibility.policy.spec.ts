import { Role } from '@app/accounts';
import { AppError } from '@app/core';
import { officialMarkAfterEdit } from '../forum.rules';
import {
  ANONYMOUS,
  HIDDEN_THREAD_TITLE,
  canSeeAnswer,
  canSeeQuestion,
  canSeeRevisions,
  hiddenThreadStub,
  requireVisibleAnswer,
  requireVisibleQuestion,
} from './visibility.policy';

const actor = (id: string, role = Role.MEMBER, isOfficial = false) => ({
  id,
  handle: `h${id}`,
  role,
  isOfficial,
  createdAt: new Date(0),
});
const viewer = (id: string, isModerator = false) => ({ userId: id, isModerator });

const shown = { authorId: 'asker', hiddenAt: null };
const hiddenQ = { authorId: 'asker', hiddenAt: new Date() };
const answer = { authorId: 'answerer', isHidden: false };
const hiddenA = { authorId: 'answerer', isHidden: true };

describe('visibility policy', () => {
  it('shows a hidden question only to its author and moderators', () => {
    expect(canSeeQuestion(ANONYMOUS, shown)).toBe(true);
    expect(canSeeQuestion(ANONYMOUS, hiddenQ)).toBe(false);
    expect(canSeeQuestion(viewer('other'), hiddenQ)).toBe(false);
    expect(canSeeQuestion(viewer('asker'), hiddenQ)).toBe(true);
    expect(canSeeQuestion(viewer('mod', true), hiddenQ)).toBe(true);
  });

  it('shows a hidden answer only to its author and moderators', () => {
    expect(canSeeAnswer(ANONYMOUS, answer, shown)).toBe(true);
    expect(canSeeAnswer(ANONYMOUS, hiddenA, shown)).toBe(false);
    expect(canSeeAnswer(viewer('asker'), hiddenA, shown)).toBe(false);
    expect(canSeeAnswer(viewer('answerer'), hiddenA, shown)).toBe(true);
    expect(canSeeAnswer(viewer('mod', true), hiddenA, shown)).toBe(true);
  });

  it('hides every answer of a hidden question but from moderators and each answer author', () => {
    expect(canSeeAnswer(ANONYMOUS, answer, hiddenQ)).toBe(false);
    expect(canSeeAnswer(viewer('other'), answer, hiddenQ)).toBe(false);
    expect(canSeeAnswer(viewer('asker'), answer, hiddenQ)).toBe(false);
    expect(canSeeAnswer(viewer('answerer'), answer, hiddenQ)).toBe(true);
    expect(canSeeAnswer(viewer('mod', true), answer, hiddenQ)).toBe(true);
  });

  it('gives revisions to the author and moderators only', () => {
    expect(canSeeRevisions(ANONYMOUS, shown)).toBe(false);
    expect(canSeeRevisions(viewer('other'), shown)).toBe(false);
    expect(canSeeRevisions(viewer('asker'), shown)).toBe(true);
    expect(canSeeRevisions(viewer('mod', true), shown)).toBe(true);
  });

  it('refuses writes on what the actor cannot see with NOT_FOUND', () => {
    const refused = (f: () => void) => {
      try {
        f();
        return 'allowed';
      } catch (err) {
        return (err as AppError).code;
      }
    };
    expect(refused(() => requireVisibleQuestion(actor('other'), { id: '1', ...hiddenQ }))).toBe('NOT_FOUND');
    expect(refused(() => requireVisibleQuestion(actor('asker'), { id: '1', ...hiddenQ }))).toBe('allowed');
    expect(refused(() => requireVisibleQuestion(actor('m', Role.MODERATOR), { id: '1', ...hiddenQ }))).toBe(
      'allowed',
    );
    expect(refused(() => requireVisibleAnswer(actor('other'), { id: '2', ...answer }, hiddenQ))).toBe(
      'NOT_FOUND',
    );
    expect(refused(() => requireVisibleAnswer(actor('other'), { id: '2', ...hiddenA }, shown))).toBe(
      'NOT_FOUND',
    );
  });

  it('stubs a hidden thread without its text, tags or links', () => {
    const stub = hiddenThreadStub({
      title: '加微信',
      body: '秘密',
      hiddenReason: '诈骗',
      duplicateOfId: '4',
      acceptedAnswerId: '5',
      tagNames: ['13812345678'],
      categoryKey: 'refund',
      maskedPersonalData: [],
    });
    expect(stub).toEqual({
      title: HIDDEN_THREAD_TITLE,
      body: '',
      hiddenReason: null,
      duplicateOfId: null,
      acceptedAnswerId: null,
      tagNames: [],
      categoryKey: null,
      maskedPersonalData: [],
    });
  });
});

describe('official mark after an edit', () => {
  const official = actor('staff', Role.MEMBER, true);
  const mod = actor('mod', Role.MODERATOR);
  const member = actor('member');

  it('leaves answers that are not official alone', () => {
    expect(officialMarkAfterEdit({ isOfficial: false, authorId: 'member', endorsedById: null }, member)).toBe(
      'keep',
    );
  });

  it('drops an endorsement when the author rewrites the endorsed text', () => {
    expect(
      officialMarkAfterEdit({ isOfficial: true, authorId: 'member', endorsedById: 'staff' }, member),
    ).toBe('drop');
  });

  it('drops it when a moderator other than the endorser rewrites it', () => {
    expect(officialMarkAfterEdit({ isOfficial: true, authorId: 'member', endorsedById: 'staff' }, mod)).toBe(
      'drop',
    );
    expect(officialMarkAfterEdit({ isOfficial: true, authorId: 'staff', endorsedById: null }, mod)).toBe(
      'drop',
    );
  });

  it('re-verifies when whoever vouched rewrites it and still may vouch', () => {
    expect(officialMarkAfterEdit({ isOfficial: true, authorId: 'staff', endorsedById: null }, official)).toBe(
      'refresh',
    );
    expect(officialMarkAfterEdit({ isOfficial: true, authorId: 'member', endorsedById: 'mod' }, mod)).toBe(
      'refresh',
    );
  });

  it('drops it when the official author lost the badge', () => {
    expect(
      officialMarkAfterEdit({ isOfficial: true, authorId: 'staff', endorsedById: null }, actor('staff')),
    ).toBe('drop');
  });
});
