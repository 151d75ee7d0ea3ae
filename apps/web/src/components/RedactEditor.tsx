import { Button, Modal, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_UPLOAD_BYTES } from '../lib/upload-attachment';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Props {
  file: File | null;
  onDone: (blob: Blob, name: string) => void;
  onCancel: () => void;
}

const MAX_SIDE = 4000;

/**
 * Before upload: the chosen image on a canvas, where the user drags boxes over what must not be seen
 * (names, numbers). Uploading draws the boxes in solid black into a new PNG made from the canvas, so
 * the covered pixels never leave the device, and neither does the file's metadata.
 */
export function RedactEditor({ file, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [drag, setDrag] = useState<Box | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    setBoxes([]);
    setImage(null);
    setFailed(false);
    if (!file) return;
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => setImage(img);
    img.onerror = () => setFailed(true);
    img.src = url;
    return () => URL.revokeObjectURL(url);
  }, [file]);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !image) return;
    const scale = Math.min(1, MAX_SIDE / Math.max(image.naturalWidth, image.naturalHeight));
    c.width = Math.round(image.naturalWidth * scale);
    c.height = Math.round(image.naturalHeight * scale);
    const g = c.getContext('2d');
    if (!g) return;
    g.drawImage(image, 0, 0, c.width, c.height);
    g.fillStyle = '#000';
    for (const b of drag ? [...boxes, drag] : boxes) g.fillRect(b.x, b.y, b.w, b.h);
  }, [image, boxes, drag]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * c.width) / r.width, y: ((e.clientY - r.top) * c.height) / r.height };
  };
  const normal = (b: Box): Box => ({
    x: Math.min(b.x, b.x + b.w),
    y: Math.min(b.y, b.y + b.h),
    w: Math.abs(b.w),
    h: Math.abs(b.h),
  });

  const finish = () => {
    const c = canvas.current;
    if (!c || !file) return;
    const base = file.name.replace(/\.[^.]*$/, '') || 'screenshot';
    c.toBlob((png) => {
      if (png && png.size <= MAX_UPLOAD_BYTES) onDone(png, `${base}.png`);
      // Photos make big PNGs: a JPEG of the same pixels then.
      else c.toBlob((jpeg) => jpeg && onDone(jpeg, `${base}.jpg`), 'image/jpeg', 0.9);
    }, 'image/png');
  };

  return (
    <Modal
      open={!!file}
      title={t('attach.redactTitle')}
      onCancel={onCancel}
      width={860}
      footer={
        <Space>
          <Button onClick={() => setBoxes((b) => b.slice(0, -1))} disabled={boxes.length === 0}>
            {t('attach.undo')}
          </Button>
          <Button onClick={onCancel}>{t('attach.cancel')}</Button>
          <Button type="primary" onClick={finish} disabled={!image}>
            {t('attach.upload')}
          </Button>
        </Space>
      }
    >
      <p className="muted">{t('attach.redactHint')}</p>
      {failed && <p role="alert">{t('attach.errors.IMAGE_UNREADABLE')}</p>}
      <canvas
        ref={canvas}
        aria-label={t('attach.redactCanvas')}
        style={{
          maxWidth: '100%',
          maxHeight: '60vh',
          cursor: 'crosshair',
          touchAction: 'none',
          border: '1px solid #ddd',
        }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          const p = point(e);
          setDrag({ x: p.x, y: p.y, w: 0, h: 0 });
        }}
        onPointerMove={(e) => {
          if (!drag) return;
          const p = point(e);
          setDrag({ ...drag, w: p.x - drag.x, h: p.y - drag.y });
        }}
        onPointerUp={() => {
          if (drag && Math.abs(drag.w) > 3 && Math.abs(drag.h) > 3) setBoxes((b) => [...b, normal(drag)]);
          setDrag(null);
        }}
      />
    </Modal>
  );
}
