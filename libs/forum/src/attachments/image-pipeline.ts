import { createHash } from 'node:crypto';
import sharp from 'sharp';

// What an uploaded file must be, and how it becomes the clean image that is stored. Pure functions of
// the bytes: the type is decided by the content (magic numbers via file-type), never by the file name
// or the Content-Type the client sent.

export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
export const MAX_PIXELS = 40_000_000;

/** Why an upload is refused: a stable code for clients (REST `error.code`, GraphQL `extensions.reason`). */
export type UploadRefusal =
  | 'FILE_TOO_LARGE'
  | 'IMAGE_TOO_LARGE'
  | 'UNSUPPORTED_TYPE'
  | 'SVG_REFUSED'
  | 'POLYGLOT_REFUSED'
  | 'IMAGE_UNREADABLE';

export class UploadRefused extends Error {
  constructor(
    readonly reason: UploadRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }

  /** HTTP status for the REST endpoint. */
  get status(): number {
    if (this.reason === 'FILE_TOO_LARGE') return 413;
    if (this.reason === 'UNSUPPORTED_TYPE' || this.reason === 'SVG_REFUSED') return 415;
    return 422;
  }
}

const ACCEPTED = new Set(['image/png', 'image/jpeg', 'image/webp', 'image/gif']);

export interface CleanImage {
  bytes: Buffer;
  mimeType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  sha256: string;
}

// file-type 16 is the last release that is CommonJS (the project compiles to CommonJS).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fileType = require('file-type') as {
  fromBuffer(b: Buffer): Promise<{ ext: string; mime: string } | undefined>;
};

/** The media type the bytes are, by content; null when unknown. */
export async function sniffType(bytes: Buffer): Promise<string | null> {
  try {
    return (await fileType.fromBuffer(bytes))?.mime ?? null;
  } catch {
    return null; // truncated or malformed headers
  }
}

function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.includes('<svg') || (head.startsWith('<?xml') && head.includes('svg'));
}

// Byte sequences that make an image also something else: markup a browser may sniff, scripts, archives.
const FOREIGN_MARKERS = ['<script', '<html', '<?php', '<svg', '<iframe', '<body', 'javascript:'].map((s) =>
  Buffer.from(s, 'latin1'),
);
const ZIP_MARKER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function containsCaseInsensitive(bytes: Buffer, needle: Buffer): boolean {
  const first = needle[0];
  for (
    let i = bytes.indexOf(first);
    i !== -1 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    let ok = true;
    for (let j = 1; j < needle.length; j++) {
      const c = bytes[i + j];
      const lower = c >= 0x41 && c <= 0x5a ? c + 32 : c;
      if (lower !== needle[j]) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/** Bytes after the image's end marker (PNG IEND, JPEG EOI, GIF trailer), or 0 when it ends cleanly. */
export function trailingBytes(bytes: Buffer, mime: string): number {
  if (mime === 'image/png') {
    const iend = bytes.lastIndexOf(Buffer.from('IEND', 'latin1'));
    return iend < 0 ? 0 : Math.max(0, bytes.length - (iend + 8));
  }
  if (mime === 'image/jpeg') {
    const eoi = bytes.lastIndexOf(Buffer.from([0xff, 0xd9]));
    return eoi < 0 ? 0 : Math.max(0, bytes.length - (eoi + 2));
  }
  if (mime === 'image/webp') {
    const declared = bytes.length >= 8 ? bytes.readUInt32LE(4) + 8 : bytes.length;
    return Math.max(0, bytes.length - declared);
  }
  return 0;
}

/** Refuses files that are also another format: markup or an archive inside or appended to an image. */
export function assertNotPolyglot(bytes: Buffer, mime: string): void {
  if (trailingBytes(bytes, mime) > 16 || bytes.includes(ZIP_MARKER)) {
    throw new UploadRefused(
      'POLYGLOT_REFUSED',
      'The file has data after the image: it is also another kind of file',
    );
  }
  if (FOREIGN_MARKERS.some((m) => containsCaseInsensitive(bytes, m))) {
    throw new UploadRefused('POLYGLOT_REFUSED', 'The file contains markup or script inside the image');
  }
}

/**
 * At most `limit` tasks at once, the others queued in order. Decoding an image may take up to
 * MAX_PIXELS × 4 bytes of memory, so uploads decode a few at a time however many arrive together.
 */
export class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next task in line (the count stays), or is freed.
      if (next) next();
      else this.active--;
    }
  }
}

/** Decodes and re-encodes at once (each up to ~160 MB of pixels at MAX_PIXELS). */
export const MAX_CONCURRENT_DECODES = 2;
/** Shared by every full decode of an image: cleaning an upload, and OCR and blurring when it is published. */
export const decodeSlots = new Slots(MAX_CONCURRENT_DECODES);

/**
 * Checks the uploaded bytes and re-encodes them: orientation applied (EXIF rotate), every piece of
 * metadata dropped (EXIF, GPS, XMP, IPTC, ICC: colours are converted to sRGB and no profile is kept),
 * only the first frame of an animation. The pixel count is read from the header before any decoding,
 * and the decoder itself refuses more (a decompression bomb never gets decoded).
 */
export async function cleanImage(bytes: Buffer): Promise<CleanImage> {
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new UploadRefused('FILE_TOO_LARGE', `Images may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
  }
  const mime = await sniffType(bytes);
  if (!mime || !ACCEPTED.has(mime)) {
    if (looksLikeSvg(bytes)) {
      throw new UploadRefused(
        'SVG_REFUSED',
        'SVG images are not accepted (they can carry scripts); upload a PNG or JPEG',
      );
    }
    throw new UploadRefused(
      'UNSUPPORTED_TYPE',
      `Only PNG, JPEG, WebP and GIF images are accepted (this file is ${mime ?? 'not a known image type'})`,
    );
  }
  assertNotPolyglot(bytes, mime);
  let meta: sharp.Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false, pages: 1 }).metadata();
  } catch {
    throw new UploadRefused('IMAGE_UNREADABLE', 'The image could not be read');
  }
  const width = meta.width ?? 0;
  const height = meta.pageHeight ?? meta.height ?? 0;
  if (width <= 0 || height <= 0) throw new UploadRefused('IMAGE_UNREADABLE', 'The image has no size');
  if (width * height > MAX_PIXELS) {
    throw new UploadRefused(
      'IMAGE_TOO_LARGE',
      `Images may have at most ${MAX_PIXELS / 1_000_000} megapixels (this one declares ${width}×${height})`,
    );
  }
  const jpeg = mime === 'image/jpeg';
  let out: { data: Buffer; info: sharp.OutputInfo };
  try {
    out = await decodeSlots.run(() => {
      const pipeline = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error', pages: 1 })
        .rotate()
        .toColourspace('srgb');
      return (jpeg ? pipeline.jpeg({ quality: 88 }) : pipeline.png({ compressionLevel: 9 })).toBuffer({
        resolveWithObject: true,
      });
    });
  } catch {
    throw new UploadRefused('IMAGE_UNREADABLE', 'The image data is damaged or could not be decoded');
  }
  return {
    bytes: out.data,
    mimeType: jpeg ? 'image/jpeg' : 'image/png',
    width: out.info.width,
    height: out.info.height,
    sha256: createHash('sha256').update(out.data).digest('hex'),
  };
}
