import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Form, Input, Radio } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth';
import { AttachmentPicker, type PickedAttachment } from '../components/AttachmentPicker';
import { ErrorNote } from '../components/ErrorNote';
import { MarkdownPreview } from '../components/MarkdownPreview';
import { SimilarPanel } from '../components/SimilarPanel';
import { AskMutation, CategoriesQuery } from '../graphql/operations';
import { IdempotencyKeys } from '../lib/idempotency';
import { describeError, errorField } from '../lib/describe-error';
import { clearDraft, loadDraft, parseTags, saveDraft, type Draft } from '../lib/draft';
import { personalDataIn } from '../lib/personal-data-notice';
import { useMedia } from '../lib/use-media';
import { useTitle } from '../lib/use-title';

export default function AskPage() {
  const { t } = useTranslation();
  useTitle(t('ask.heading'));
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [draft, setDraft] = useState<Draft>(() => {
    const d = loadDraft();
    const title = params.get('title');
    const category = params.get('category');
    return { ...d, title: d.title || title || '', category: category ?? d.category };
  });
  const [preview, setPreview] = useState(false);
  const [attachments, setAttachments] = useState<PickedAttachment[]>([]);
  // On a phone the suggestions come right under the text being typed, not after the whole form.
  const wide = useMedia('(min-width: 900px)');
  const { data: cats } = useQuery(CategoriesQuery, { fetchPolicy: 'cache-first' });
  const [ask, { loading: posting, error }] = useMutation(AskMutation);
  const [askKeys] = useState(() => new IdempotencyKeys());

  useEffect(() => saveDraft(draft), [draft]);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const category = cats?.categories.find((c) => c.key === draft.category) ?? null;
  const labels = useMemo(() => Object.fromEntries((category?.fields ?? []).map((f) => [f.key, f.label])), [category]);
  const badField = errorField(error);
  const fieldError = (name: string) =>
    badField === name ? { validateStatus: 'error' as const, help: describeError(error, t, labels) } : {};
  const personal = personalDataIn(draft.title, draft.body, ...Object.values(draft.details));

  const submit = async () => {
    const details = (category?.fields ?? [])
      .map((f) => ({ key: f.key, value: (draft.details[f.key] ?? '').trim() }))
      .filter((d) => d.value);
    const input = {
      title: draft.title.trim(),
      body: draft.body.trim(),
      tags: parseTags(draft.tags),
      category: draft.category ?? undefined,
      details: details.length ? details : undefined,
      draftId: draft.draftId,
      attachmentIds: attachments.length ? attachments.map((a) => a.id) : undefined,
    };
    try {
      // A retry of the same question (time-out, double click) never posts it twice.
      const res = await ask({ variables: { input: { ...input, idempotencyKey: askKeys.keyFor(input) } } });
      const payload = res.data?.askQuestion;
      if (!payload) return;
      askKeys.succeeded();
      clearDraft();
      void navigate(`/q/${payload.question.id}`, { state: { masked: payload.maskedPersonalData, posted: true } });
    } catch {
      // shown at the field it concerns
    }
  };

  const known = new Set(['title', 'body', 'tags', 'category', 'submit', 'attachmentIds', ...(category?.fields ?? []).map((f) => `details.${f.key}`)]);

  return (
    <div className="stack">
      <h1 className="page-title">{t('ask.heading')}</h1>
      <div className="two-col">
        <Form layout="vertical" className="card" onFinish={() => void submit()} requiredMark={false}>
          <Form.Item label={t('ask.category')} extra={t('ask.categoryHint')} {...fieldError('category')}>
            <Radio.Group
              aria-label={t('ask.category')}
              value={draft.category}
              onChange={(e) => update({ category: e.target.value as string })}
              options={(cats?.categories ?? []).map((c) => ({ label: c.name, value: c.key }))}
              optionType="button"
            />
          </Form.Item>
          {category && category.fields.length > 0 && (
            <fieldset className="card" style={{ marginBottom: 16 }}>
              <legend>{t('ask.details')}</legend>
              {category.fields.map((f) => (
                <Form.Item
                  key={f.key}
                  label={f.required ? `${f.label}（${t('ask.required')}）` : f.label}
                  htmlFor={`detail-${f.key}`}
                  {...fieldError(`details.${f.key}`)}
                >
                  <Input
                    id={`detail-${f.key}`}
                    value={draft.details[f.key] ?? ''}
                    maxLength={500}
                    onChange={(e) => update({ details: { ...draft.details, [f.key]: e.target.value } })}
                  />
                </Form.Item>
              ))}
            </fieldset>
          )}
          <Form.Item label={t('ask.title')} htmlFor="ask-title" {...fieldError('title')}>
            <Input
              id="ask-title"
              size="large"
              value={draft.title}
              maxLength={150}
              placeholder={t('ask.titlePlaceholder')}
              onChange={(e) => update({ title: e.target.value })}
            />
          </Form.Item>
          <Form.Item
            label={t('ask.body')}
            htmlFor="ask-body"
            {...fieldError('body')}
            extra={
              <Button type="link" size="small" onClick={() => setPreview((p) => !p)} aria-pressed={preview}>
                {preview ? t('ask.edit') : t('ask.preview')}
              </Button>
            }
          >
            {preview ? (
              <MarkdownPreview source={draft.body} label={t('ask.preview')} />
            ) : (
              <Input.TextArea
                id="ask-body"
                value={draft.body}
                autoSize={{ minRows: 6, maxRows: 16 }}
                maxLength={20000}
                placeholder={t('ask.bodyPlaceholder')}
                onChange={(e) => update({ body: e.target.value })}
              />
            )}
          </Form.Item>
          {!wide && (
            <div style={{ marginBottom: 16 }}>
              <SimilarPanel title={draft.title} body={draft.body} draftId={draft.draftId} />
            </div>
          )}
          {me && (
            <Form.Item label={t('attach.label')} {...fieldError('attachmentIds')}>
              <AttachmentPicker value={attachments} onChange={setAttachments} />
            </Form.Item>
          )}
          <Form.Item label={t('ask.tags')} htmlFor="ask-tags" {...fieldError('tags')}>
            <Input
              id="ask-tags"
              value={draft.tags}
              placeholder={t('ask.tagsPlaceholder')}
              onChange={(e) => update({ tags: e.target.value })}
            />
          </Form.Item>
          {personal.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('ask.privacyTitle')}
              description={t('ask.privacyBody', {
                kinds: [...new Set(personal.map((p) => t(`personal.${p.kind}`)))].join('、'),
                list: personal.map((p) => p.masked).join('、'),
              })}
            />
          )}
          {error && (badField === 'submit' || !badField || !known.has(badField)) && <ErrorNote error={error} />}
          {me ? (
            <Button type="primary" size="large" htmlType="submit" loading={posting} style={{ marginTop: 8 }}>
              {t('ask.submit')}
            </Button>
          ) : (
            <Alert
              type="info"
              showIcon
              title={
                <Link to={`/login?next=${encodeURIComponent('/ask')}`}>{t('ask.loginFirst')}</Link>
              }
            />
          )}
        </Form>
        {wide && <SimilarPanel title={draft.title} body={draft.body} draftId={draft.draftId} />}
      </div>
    </div>
  );
}
