import { useQuery } from '@apollo/client/react';
import { Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PostAttachmentsQuery } from '../graphql/operations';
import { readToken } from '../lib/token';

interface Item {
  id: string;
  width: number;
  height: number;
  visibility: 'STAFF_ONLY' | 'PUBLIC';
  url: string;
}

/** Staff-only files need the viewer's bearer token: fetched, then shown from a blob URL. */
function PrivateImage({ item, alt }: { item: Item; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let url: string | null = null;
    let live = true;
    const token = readToken();
    void fetch(item.url, { headers: token ? { authorization: `Bearer ${token}` } : {} })
      .then((res) => (res.ok ? res.blob() : null))
      .then((blob) => {
        if (blob && live) {
          url = URL.createObjectURL(blob);
          setSrc(url);
        }
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [item.url]);
  return src ? (
    <img src={src} alt={alt} width={item.width} height={item.height} className="attachment-image" />
  ) : null;
}

/** The images of a question (no answerId) or of one of its answers. */
export default function PostAttachments({ questionId, answerId }: { questionId: string; answerId?: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(PostAttachmentsQuery, {
    variables: { id: questionId },
    fetchPolicy: 'cache-and-network',
  });
  const q = data?.question;
  const items: Item[] =
    (answerId ? q?.answers.edges.find((e) => e.node.id === answerId)?.node.attachments : q?.attachments) ??
    [];
  if (items.length === 0) return null;
  return (
    <ul
      className="attachments"
      style={{ listStyle: 'none', padding: 0, display: 'flex', flexWrap: 'wrap', gap: 8 }}
    >
      {items.map((a) => (
        <li key={a.id} style={{ maxWidth: '100%' }}>
          <div style={{ maxWidth: 480 }}>
            {a.visibility === 'PUBLIC' ? (
              <a href={a.url} target="_blank" rel="noreferrer">
                <img
                  src={a.url}
                  alt={t('attach.imageAlt')}
                  width={a.width}
                  height={a.height}
                  className="attachment-image"
                />
              </a>
            ) : (
              <PrivateImage item={a} alt={t('attach.imageAlt')} />
            )}
          </div>
          {a.visibility !== 'PUBLIC' && <Tag color="orange">{t('attach.staffOnly')}</Tag>}
        </li>
      ))}
    </ul>
  );
}
