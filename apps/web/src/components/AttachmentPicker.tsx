import { useMutation } from '@apollo/client/react';
import { Alert, Button, Modal, Space, Tag } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PublishAttachmentMutation } from '../graphql/operations';
import { firstError } from '../lib/errors';
import { MAX_ATTACHMENTS, UploadError, uploadAttachment } from '../lib/upload-attachment';
import { RedactEditor } from './RedactEditor';

export interface PickedAttachment {
  id: string;
  /** Local preview of the file as chosen (object URL); the server stores a cleaned copy. */
  preview: string;
  visibility: 'STAFF_ONLY' | 'PUBLIC';
  notice?: string;
}

interface Props {
  value: PickedAttachment[];
  onChange: (next: PickedAttachment[]) => void;
}

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif';

/**
 * Screenshots for a question or an answer: each image is uploaded when chosen, previewed here, and
 * stays visible to staff only until its uploader publishes it (the server blurs personal data first
 * when it can, or asks for a confirmation when it cannot).
 */
export function AttachmentPicker({ value, onChange }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [publish] = useMutation(PublishAttachmentMutation);
  const latest = useRef(value);
  latest.current = value;

  useEffect(() => () => latest.current.forEach((a) => URL.revokeObjectURL(a.preview)), []);

  const [editing, setEditing] = useState<File | null>(null);

  const pick = (files: FileList | null) => {
    const file = files?.[0];
    if (input.current) input.current.value = '';
    if (!file) return;
    setError(null);
    if (latest.current.length >= MAX_ATTACHMENTS) {
      setError(t('attach.tooMany', { max: MAX_ATTACHMENTS }));
      return;
    }
    setEditing(file);
  };

  const send = async (blob: Blob, name: string) => {
    setEditing(null);
    setBusy(true);
    try {
      const uploaded = await uploadAttachment(blob, name);
      onChange([
        ...latest.current,
        { id: uploaded.id, preview: URL.createObjectURL(blob), visibility: uploaded.visibility },
      ]);
    } catch (err) {
      const code = err instanceof UploadError ? err.code : 'NETWORK';
      setError(t(`attach.errors.${code}`, { defaultValue: t('attach.errors.other', { code }) }));
    } finally {
      setBusy(false);
    }
  };

  const remove = (id: string) => {
    const gone = latest.current.find((a) => a.id === id);
    if (gone) URL.revokeObjectURL(gone.preview);
    onChange(latest.current.filter((a) => a.id !== id));
  };

  const doPublish = async (id: string, confirm: boolean) => {
    setError(null);
    try {
      const res = await publish({ variables: { id, confirm } });
      const payload = res.data?.publishAttachment;
      if (!payload) return;
      onChange(
        latest.current.map((a) =>
          a.id === id
            ? {
                ...a,
                visibility: payload.attachment.visibility,
                notice: payload.automaticCheck
                  ? payload.blurred.length
                    ? t('attach.blurred', {
                        count: payload.blurred.length,
                        kinds: [...new Set(payload.blurred.map((b) => t(`personal.${b.kind}`)))].join('、'),
                      })
                    : t('attach.clean')
                  : t('attach.noCheck'),
              }
            : a,
        ),
      );
    } catch (err) {
      const e = firstError(err);
      if (e?.code === 'BAD_USER_INPUT' && !confirm) {
        Modal.confirm({
          title: t('attach.confirmTitle'),
          content: t('attach.confirmBody'),
          okText: t('attach.confirmOk'),
          cancelText: t('attach.cancel'),
          onOk: () => doPublish(id, true),
        });
        return;
      }
      setError(e?.message ?? t('attach.errors.other', { code: e?.code ?? '' }));
    }
  };

  return (
    <div className="attachment-picker">
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        style={{ display: 'none' }}
        aria-label={t('attach.add')}
        onChange={(e) => pick(e.target.files)}
      />
      <Space wrap>
        <Button
          onClick={() => input.current?.click()}
          loading={busy}
          disabled={value.length >= MAX_ATTACHMENTS}
        >
          {t('attach.add')}
        </Button>
        <span className="muted">{t('attach.hint', { max: MAX_ATTACHMENTS })}</span>
      </Space>
      <RedactEditor
        file={editing}
        onDone={(blob, name) => void send(blob, name)}
        onCancel={() => setEditing(null)}
      />
      {error && <Alert type="error" showIcon style={{ marginTop: 8 }} title={error} />}
      {value.length > 0 && (
        <ul
          className="attachment-list"
          style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 12, marginTop: 8 }}
        >
          {value.map((a) => (
            <li key={a.id} style={{ width: 160 }}>
              <img
                src={a.preview}
                alt={t('attach.previewAlt')}
                style={{ width: 160, height: 120, objectFit: 'contain', border: '1px solid #ddd' }}
              />
              <div>
                <Tag color={a.visibility === 'PUBLIC' ? 'green' : 'orange'}>
                  {a.visibility === 'PUBLIC' ? t('attach.public') : t('attach.staffOnly')}
                </Tag>
              </div>
              {a.notice && (
                <div className="muted" style={{ fontSize: 12 }}>
                  {a.notice}
                </div>
              )}
              <Space size="small" wrap>
                {a.visibility !== 'PUBLIC' && (
                  <Button size="small" onClick={() => void doPublish(a.id, false)}>
                    {t('attach.publish')}
                  </Button>
                )}
                <Button size="small" danger onClick={() => remove(a.id)}>
                  {t('attach.remove')}
                </Button>
              </Space>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
