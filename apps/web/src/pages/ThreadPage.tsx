import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Input } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useAuth } from '../auth';
import { AuthorBadges, StatusBadges } from '../components/Badges';
import { ErrorNote } from '../components/ErrorNote';
import { Loading } from '../components/Loading';
import type { PickedAttachment } from '../components/AttachmentPicker';
import type { AnswerFieldsFragment, PostType, VoteValue } from '../gql/graphql';
import {
  AcceptMutation,
  FollowMutation,
  HideMutation,
  MarkOfficialMutation,
  MeTooMutation,
  PostAnswerMutation,
  ReportMutation,
  RestoreMutation,
  ReverifyMutation,
  ThreadQuery,
  UnacceptMutation,
  UnfollowMutation,
  UnmarkOfficialMutation,
  VoteMutation,
  WithdrawMeTooMutation,
} from '../graphql/operations';
import { describeError, errorField } from '../lib/describe-error';
import { IdempotencyKeys } from '../lib/idempotency';
import { useToast } from '../lib/toast';
import { useTitle } from '../lib/use-title';

// Loaded when the composer is shown: keeps the thread page's initial JavaScript within its budget.
const PostAttachments = lazy(() => import('../components/PostAttachments'));
const AttachmentPicker = lazy(() =>
  import('../components/AttachmentPicker').then((m) => ({ default: m.AttachmentPicker })),
);

const ReasonDialog = lazy(() => import('../components/ReasonDialog'));

type Moderation = { kind: 'report' | 'hide' | 'restore'; targetId: string; targetType: PostType } | null;

interface NavState {
  masked?: { kind: string; masked: string }[];
  posted?: boolean;
  deflected?: boolean;
}

export default function ThreadPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const message = useToast();
  const location = useLocation();
  const nav = (location.state ?? {}) as NavState;
  const { me, isStaff, canEndorse } = useAuth();
  const { data, loading, error, refetch } = useQuery(ThreadQuery, { variables: { id } });
  const q = data?.question;
  useTitle(q?.title);

  const after = { onCompleted: () => void refetch(), onError: (e: unknown) => message.error(describeError(e, t)) };
  const [meToo] = useMutation(MeTooMutation, after);
  const [withdrawMeToo] = useMutation(WithdrawMeTooMutation, after);
  const [follow] = useMutation(FollowMutation, after);
  const [unfollow] = useMutation(UnfollowMutation, after);
  const [vote] = useMutation(VoteMutation, after);
  const [accept] = useMutation(AcceptMutation, after);
  const [unaccept] = useMutation(UnacceptMutation, after);
  const [markOfficial] = useMutation(MarkOfficialMutation, after);
  const [unmarkOfficial] = useMutation(UnmarkOfficialMutation, after);
  const [reverify] = useMutation(ReverifyMutation, after);
  const [postAnswer, answerState] = useMutation(PostAnswerMutation);
  const [report, reportState] = useMutation(ReportMutation);
  const [hide, hideState] = useMutation(HideMutation);
  const [restore, restoreState] = useMutation(RestoreMutation);
  const [moderation, setModeration] = useState<Moderation>(null);
  const [answerBody, setAnswerBody] = useState('');
  const [answerImages, setAnswerImages] = useState<PickedAttachment[]>([]);
  const [answerKeys] = useState(() => new IdempotencyKeys());

  if (loading && !q) return <Loading />;
  if (error && !q) return <ErrorNote error={error} />;
  if (!q)
    return (
      <div className="card" role="alert">
        <h1 className="page-title">{t('thread.notFound')}</h1>
        <Link to="/">{t('common.backHome')}</Link>
      </div>
    );

  const isAsker = me?.id === q.author.id;
  const answers = q.answers.edges.map((e) => e.node);
  const modError = reportState.error ?? hideState.error ?? restoreState.error;
  const runModeration = async (reason: string) => {
    if (!moderation) return;
    const input = { targetId: moderation.targetId, targetType: moderation.targetType, reason };
    try {
      if (moderation.kind === 'report') {
        await report({ variables: { input } });
        message.success(t('thread.reportSent'));
      } else if (moderation.kind === 'hide') await hide({ variables: { input } });
      else await restore({ variables: { input } });
      setModeration(null);
      void refetch();
    } catch {
      // shown in the dialog
    }
  };

  // The viewer's own vote shows as a pressed button; pressing it again withdraws the vote.
  const postActions = (targetId: string, targetType: PostType, isHidden: boolean, authorId: string, mine: VoteValue = 'NONE') => (
    <>
      {me && me.id !== authorId && (
        <>
          <Button
            size="small"
            type={mine === 'UP' ? 'primary' : 'default'}
            aria-label={t('thread.upvote')}
            aria-pressed={mine === 'UP'}
            onClick={() => void vote({ variables: { input: { targetId, targetType, value: mine === 'UP' ? 'NONE' : 'UP' } } })}
          >
            ▲ {t('thread.upvote')}
          </Button>
          <Button
            size="small"
            type={mine === 'DOWN' ? 'primary' : 'default'}
            aria-label={t('thread.downvote')}
            aria-pressed={mine === 'DOWN'}
            onClick={() => void vote({ variables: { input: { targetId, targetType, value: mine === 'DOWN' ? 'NONE' : 'DOWN' } } })}
          >
            ▼
          </Button>
          <Button size="small" type="text" onClick={() => setModeration({ kind: 'report', targetId, targetType })}>
            {t('thread.report')}
          </Button>
        </>
      )}
      {isStaff &&
        (isHidden ? (
          <Button size="small" danger onClick={() => setModeration({ kind: 'restore', targetId, targetType })}>
            {t('thread.restore')}
          </Button>
        ) : (
          <Button size="small" danger onClick={() => setModeration({ kind: 'hide', targetId, targetType })}>
            {t('thread.hide')}
          </Button>
        ))}
    </>
  );

  const answerView = (a: AnswerFieldsFragment) => {
    const label = a.author.officialLabel ?? a.endorsedBy?.officialLabel ?? t('thread.official');
    const cls = ['answer', a.isOfficial ? 'answer-official' : '', a.isAccepted ? 'answer-accepted' : ''].join(' ');
    return (
      <article key={a.id} className={cls} aria-label={`${a.author.displayName}${a.isOfficial ? ` · ${label}` : ''}`} data-answer-id={a.id}>
        <div className="q-meta">
          {a.isOfficial && (
            <span className="badge badge-official" data-testid="official-badge">
              ✔ {t('thread.official')} · {label}
            </span>
          )}
          {a.isAccepted && <span className="badge badge-accepted">✓ {t('thread.acceptedMark')}</span>}
          {a.isHidden && <span className="badge badge-hidden">{t('common.hidden')}</span>}
        </div>
        <div className="q-meta">
          <Link to={`/u/${a.author.handle}`}>{a.author.displayName}</Link>
          <AuthorBadges badges={a.author.badges} />
          <span>{dayjs(a.createdAt).format('YYYY-MM-DD HH:mm')}</span>
          <span>{t('thread.score', { score: a.score })}</span>
        </div>
        {a.isHidden && a.hiddenReason && <Alert type="warning" title={t('thread.hiddenNote', { reason: a.hiddenReason })} />}
        <div className="post-body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
        <Suspense fallback={null}>
          <PostAttachments questionId={q.id} answerId={a.id} />
        </Suspense>
        {a.isOfficial && (
          <div className="q-meta">
            {a.verifiedAt && <span>{t('thread.verifiedAt', { date: dayjs(a.verifiedAt).format('YYYY-MM-DD') })}</span>}
            {a.endorsedBy && a.endorsedBy.id !== a.author.id && (
              <span>{t('thread.endorsedBy', { name: a.endorsedBy.officialLabel ?? a.endorsedBy.displayName })}</span>
            )}
          </div>
        )}
        {a.isOfficial && a.isStale && <Alert type="warning" showIcon title={t('thread.stale')} style={{ marginTop: 8 }} />}
        <div className="actions">
          {(isAsker || isStaff) &&
            (a.isAccepted ? (
              <Button size="small" onClick={() => void unaccept({ variables: { questionId: q.id } })}>
                {t('thread.unaccept')}
              </Button>
            ) : (
              <Button size="small" type="primary" ghost onClick={() => void accept({ variables: { answerId: a.id } })}>
                {t('thread.accept')}
              </Button>
            ))}
          {canEndorse &&
            (a.isOfficial ? (
              <>
                <Button size="small" onClick={() => void reverify({ variables: { answerId: a.id } })}>
                  {t('thread.reverify')}
                </Button>
                <Button size="small" onClick={() => void unmarkOfficial({ variables: { answerId: a.id } })}>
                  {t('thread.unmarkOfficial')}
                </Button>
              </>
            ) : (
              <Button size="small" onClick={() => void markOfficial({ variables: { answerId: a.id } })}>
                {t('thread.markOfficial')}
              </Button>
            ))}
          {postActions(a.id, 'ANSWER', a.isHidden, a.author.id, a.viewerVote)}
        </div>
      </article>
    );
  };

  const submitAnswer = async () => {
    try {
      const input = {
        questionId: q.id,
        body: answerBody.trim(),
        attachmentIds: answerImages.length ? answerImages.map((a) => a.id) : undefined,
      };
      // A retry of the same answer (time-out, double click) never posts it twice.
      await postAnswer({ variables: { input: { ...input, idempotencyKey: answerKeys.keyFor(input) } } });
      answerKeys.succeeded();
      setAnswerBody('');
      setAnswerImages([]);
      void refetch();
    } catch {
      // shown below the composer
    }
  };

  return (
    <div className="stack">
      {nav.deflected && <Alert type="success" showIcon title={t('ask.thanks')} />}
      {nav.posted && <Alert type="success" showIcon title={t('ask.posted')} />}
      {nav.masked && nav.masked.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('ask.privacyTitle')}
          description={t('ask.privacyBody', {
            kinds: [...new Set(nav.masked.map((m) => t(`personal.${m.kind}`)))].join('、'),
            list: nav.masked.map((m) => m.masked).join('、'),
          })}
        />
      )}
      {q.duplicateOf && (
        <Alert
          type="info"
          showIcon
          title={
            <>
              {t('thread.duplicate')} <Link to={`/q/${q.duplicateOf.id}`}>{q.duplicateOf.title}</Link>
            </>
          }
        />
      )}
      <article className="card" aria-labelledby="q-title">
        <h1 id="q-title" className="page-title">
          {q.title}
        </h1>
        <div className="q-meta">
          <StatusBadges solved={q.isSolved} official={answers.some((a) => a.isOfficial)} />
          {q.isHidden && <span className="badge badge-hidden">{t('common.hidden')}</span>}
          {q.officialHandling && <span className="badge badge-handling">{t('thread.officialHandling')}</span>}
          <Link to={`/u/${q.author.handle}`}>{q.author.displayName}</Link>
          <AuthorBadges badges={q.author.badges} />
          <span>{dayjs(q.createdAt).format('YYYY-MM-DD HH:mm')}</span>
          {q.category && <span>{q.category.name}</span>}
          {q.tags.map((tag) => (
            <Link key={tag} className="tag-link" to={`/search?q=&tag=${encodeURIComponent(tag)}`}>
              #{tag}
            </Link>
          ))}
        </div>
        {q.isHidden && q.hiddenReason && <Alert type="warning" title={t('thread.hiddenNote', { reason: q.hiddenReason })} />}
        {q.privateSupport && (
          <Alert
            type="info"
            showIcon
            title={q.privateSupport.isOpen ? t('thread.privateSupport') : t('thread.privateSupportClosed')}
            description={
              <>
                <div>{q.privateSupport.note}</div>
                {q.privateSupport.caseReference && (
                  <div>{t('thread.caseReference', { ref: q.privateSupport.caseReference })}</div>
                )}
                {q.privateSupport.outcome && <div>{t('thread.caseOutcome', { outcome: q.privateSupport.outcome })}</div>}
              </>
            }
          />
        )}
        <div className="post-body" dangerouslySetInnerHTML={{ __html: q.bodyHtml }} />
        <Suspense fallback={null}>
          <PostAttachments questionId={q.id} />
        </Suspense>
        <div className="actions">
          <Button
            type={q.viewerHasMeToo ? 'primary' : 'default'}
            aria-pressed={q.viewerHasMeToo}
            disabled={!me || isAsker}
            title={!me ? t('auth.login') : undefined}
            onClick={() =>
              void (q.viewerHasMeToo ? withdrawMeToo : meToo)({ variables: { questionId: q.id } })
            }
          >
            {t('thread.meToo')}
          </Button>
          <span data-testid="me-too-count">{t('common.meToo', { count: q.meTooCount })}</span>
          {me && (
            <Button onClick={() => void (q.viewerIsFollowing ? unfollow : follow)({ variables: { questionId: q.id } })}>
              {q.viewerIsFollowing ? t('thread.unfollow') : t('thread.follow')}
            </Button>
          )}
          <span>{t('thread.score', { score: q.score })}</span>
          {postActions(q.id, 'QUESTION', q.isHidden, q.author.id, q.viewerVote)}
        </div>
      </article>
      <section className="card" aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t('thread.answers', { count: q.answers.totalCount ?? answers.length })}</h2>
        {answers.length === 0 && <p className="q-meta">{t('thread.noAnswers')}</p>}
        {answers.map(answerView)}
      </section>
      <section className="card" aria-labelledby="composer-heading">
        <h2 id="composer-heading">{t('thread.yourAnswer')}</h2>
        {me ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void submitAnswer();
            }}
          >
            <label htmlFor="answer-body" className="visually-hidden">
              {t('thread.answerLabel')}
            </label>
            <Input.TextArea
              id="answer-body"
              value={answerBody}
              onChange={(e) => setAnswerBody(e.target.value)}
              autoSize={{ minRows: 4, maxRows: 14 }}
              maxLength={20000}
              status={answerState.error ? 'error' : undefined}
              aria-describedby={answerState.error ? 'answer-error' : undefined}
            />
            <Suspense fallback={null}>
              <AttachmentPicker value={answerImages} onChange={setAnswerImages} />
            </Suspense>
            {answerState.error && (
              <p id="answer-error" role="alert" style={{ color: '#b3261e' }}>
                {describeError(answerState.error, t)}
              </p>
            )}
            <div className="actions">
              <Button type="primary" htmlType="submit" loading={answerState.loading} disabled={!answerBody.trim()}>
                {t('thread.postAnswer')}
              </Button>
            </div>
          </form>
        ) : (
          <Link to={`/login?next=${encodeURIComponent(`/q/${q.id}`)}`}>{t('thread.loginToAnswer')}</Link>
        )}
      </section>
      {moderation && (
        <Suspense fallback={null}>
          <ReasonDialog
        open={moderation !== null}
        title={moderation ? t(`thread.${moderation.kind}`) : ''}
        label={moderation?.kind === 'report' ? t('thread.reportReason') : t('thread.hideReason')}
        busy={reportState.loading || hideState.loading || restoreState.loading}
        error={modError && errorField(modError) !== null ? describeError(modError, t) : modError ? describeError(modError, t) : undefined}
        onCancel={() => setModeration(null)}
        onSubmit={(reason) => void runModeration(reason)}
          />
        </Suspense>
      )}
    </div>
  );
}
