import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

// Images made in the tests, for the attachment tests (real encoders, nothing checked in).

/** A JPEG whose EXIF says "rotate 90°" (orientation 6) and carries a GPS position. */
export async function jpegWithGpsAndRotation(width = 60, height = 30): Promise<Buffer> {
  // Left half red, right half blue: after rotation the red half is on top.
  const left = await sharp({ create: { width: width / 2, height, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer();
  return sharp({ create: { width, height, channels: 3, background: '#0000ff' } })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Copyright: 'secret-maker' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '31/1 14/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 28/1 0/1',
      },
    } as unknown as sharp.Exif)
    .toBuffer();
}

/** Whether an EXIF block holds a GPS IFD pointer (tag 0x8825, either byte order). */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

/** Random noise as PNG: incompressible, so `size` pixels make a big file (over 4 MB at 1400²). */
export function noisePng(side: number): Promise<Buffer> {
  return sharp({
    create: {
      width: side,
      height: side,
      channels: 3,
      background: '#888',
      noise: { type: 'gaussian', mean: 128, sigma: 80 },
    },
  })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * A decompression bomb: a valid PNG of a few hundred bytes whose header declares width × height
 * pixels (grey, 8 bit) and whose data is the first rows of zeros (deflate turns gigabytes into little).
 */
export function pngBomb(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = deflateSync(Buffer.alloc((width + 1) * 16));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', rows),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A screenshot-like image of Chinese text, rendered from SVG with the Noto CJK fonts. */
export function chineseScreenshot(lines: string[]): Promise<Buffer> {
  const height = 60 + lines.length * 70;
  const text = lines
    .map(
      (l, i) =>
        `<text x="24" y="${70 + i * 70}" font-family="Noto Sans CJK SC" font-size="30" fill="#111">${l}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="${height}"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Standard deviation of the grey levels in a box (text has high variance, a blurred box little). */
export async function boxStdev(
  png: Buffer,
  box: { x: number; y: number; width: number; height: number },
): Promise<number> {
  const region = await sharp(png)
    .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
    .greyscale()
    .png()
    .toBuffer();
  const stats = await sharp(region).stats();
  return stats.channels[0].stdev;
}
