import { findPersonalData } from '@app/core';
import { spawn } from 'node:child_process';
import sharp from 'sharp';
import { RedactedRegion } from './attachment.entity';
import { decodeSlots } from './image-pipeline';

// Server-side redaction: tesseract (Debian's tesseract-ocr + tesseract-ocr-chi-sim) reads the image
// with word boxes (TSV output), the personal-data detector of libs/core reads each line, and every
// word that is part of a finding is blurred beyond recognition.

export interface OcrWord {
  line: string; // block.paragraph.line
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Parses tesseract's TSV output into words with boxes (level 5 rows with text). */
export function parseTesseractTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const row of tsv.split('\n').slice(1)) {
    const cols = row.split('\t');
    if (cols.length < 12 || cols[0] !== '5') continue;
    const text = cols.slice(11).join('\t').trim();
    if (!text) continue;
    words.push({
      line: `${cols[1]}.${cols[2]}.${cols[3]}.${cols[4]}`,
      text,
      left: Number(cols[6]),
      top: Number(cols[7]),
      width: Number(cols[8]),
      height: Number(cols[9]),
    });
  }
  return words;
}

const ASCII_WORD = /[A-Za-z0-9]$/;
const ASCII_START = /^[A-Za-z0-9]/;

/**
 * The regions to blur: lines are rebuilt from their words (Chinese words joined without a space,
 * Latin words and digit groups with one), and a finding covers every word it overlaps.
 */
export function regionsToBlur(words: OcrWord[], imageWidth: number, imageHeight: number): RedactedRegion[] {
  const lines = new Map<string, OcrWord[]>();
  for (const w of words) lines.set(w.line, [...(lines.get(w.line) ?? []), w]);
  const regions: RedactedRegion[] = [];
  for (const lineWords of lines.values()) {
    let text = '';
    const spans: { start: number; end: number; word: OcrWord }[] = [];
    for (const w of lineWords) {
      if (text && ASCII_WORD.test(text) && ASCII_START.test(w.text)) text += ' ';
      spans.push({ start: text.length, end: text.length + w.text.length, word: w });
      text += w.text;
    }
    for (const m of findPersonalData(text)) {
      const hit = spans.filter((s) => s.start < m.end && s.end > m.start).map((s) => s.word);
      if (hit.length === 0) continue;
      const pad = Math.max(2, Math.round(Math.max(...hit.map((h) => h.height)) * 0.25));
      const x0 = Math.max(0, Math.min(...hit.map((h) => h.left)) - pad);
      const y0 = Math.max(0, Math.min(...hit.map((h) => h.top)) - pad);
      const x1 = Math.min(imageWidth, Math.max(...hit.map((h) => h.left + h.width)) + pad);
      const y1 = Math.min(imageHeight, Math.max(...hit.map((h) => h.top + h.height)) + pad);
      if (x1 > x0 && y1 > y0) regions.push({ kind: m.kind, x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
    }
  }
  return regions;
}

/** Pixelates then blurs each region: the text is gone, the rest of the image is untouched. */
export async function blurRegions(
  bytes: Buffer,
  mimeType: string,
  regions: RedactedRegion[],
): Promise<Buffer> {
  if (regions.length === 0) return bytes;
  // A full decode of the original, in the upload pipeline's decode slots (memory bound).
  return decodeSlots.run(async () => {
    const overlays = [];
    for (const r of regions) {
      const small = await sharp(bytes)
        .extract({ left: r.x, top: r.y, width: r.width, height: r.height })
        .resize(Math.max(1, Math.round(r.width / 16)), Math.max(1, Math.round(r.height / 16)), {
          fit: 'fill',
        })
        .toBuffer();
      const input = await sharp(small)
        .resize(r.width, r.height, { fit: 'fill', kernel: 'cubic' })
        .blur(Math.max(2, r.height / 4))
        .toBuffer();
      overlays.push({ input, left: r.x, top: r.y });
    }
    const out = sharp(bytes).composite(overlays);
    return (
      mimeType === 'image/jpeg' ? out.jpeg({ quality: 88 }) : out.png({ compressionLevel: 9 })
    ).toBuffer();
  });
}

function run(binary: string, args: string[], input?: Buffer, timeoutMs = 60000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new Error(`${binary} exited with ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 300)}`),
        );
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** Tesseract through its command line; `available()` says whether it and its Chinese model are installed. */
export class Ocr {
  private availability: Promise<boolean> | null = null;

  constructor(
    private readonly binary: string,
    private readonly enabled: boolean,
  ) {}

  available(): Promise<boolean> {
    if (!this.enabled) return Promise.resolve(false);
    this.availability ??= run(this.binary, ['--list-langs'], undefined, 10000).then(
      (out) => out.split(/\s+/).includes('chi_sim'),
      () => false,
    );
    return this.availability;
  }

  async words(image: Buffer): Promise<OcrWord[]> {
    // Tesseract reads small screenshot text better at twice the size; boxes are scaled back.
    const meta = await sharp(image).metadata();
    const scale = (meta.width ?? 0) < 2000 ? 2 : 1;
    // The decode and upscale share the pipeline's decode slots; tesseract runs outside them.
    const input = await decodeSlots.run(() =>
      scale === 1
        ? sharp(image).png().toBuffer()
        : sharp(image)
            .resize((meta.width ?? 1) * scale)
            .png()
            .toBuffer(),
    );
    const tsv = await run(this.binary, ['stdin', 'stdout', '-l', 'chi_sim+eng', 'tsv'], input);
    return parseTesseractTsv(tsv).map((w) => ({
      ...w,
      left: Math.floor(w.left / scale),
      top: Math.floor(w.top / scale),
      width: Math.ceil(w.width / scale),
      height: Math.ceil(w.height / scale),
    }));
  }
}
