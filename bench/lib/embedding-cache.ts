import { EMBEDDING_MODEL } from '@app/search';
import { contentHash } from '@app/search';
import { EmbeddingService } from '@app/search';
import * as fs from 'node:fs';
import * as path from 'node:path';

const DIMS = EMBEDDING_MODEL.dimensions;
const RECORD = 32 + DIMS * 4;

/**
 * On-disk cache of the bench's embeddings: .data/bench/embeddings/<model sha256>.bin, records of
 * (sha256 of the text, 512 float32). Keyed by the model's hash and the text's hash, so a second run
 * embeds nothing and another model never reads these vectors.
 */
export class EmbeddingDiskCache {
  private readonly file: string;
  private readonly vectors = new Map<string, Float32Array>();

  constructor(dir = '.data/bench/embeddings') {
    fs.mkdirSync(dir, { recursive: true });
    this.file = path.join(dir, `${EMBEDDING_MODEL.sha256.slice(0, 16)}.bin`);
    if (!fs.existsSync(this.file)) return;
    const buf = fs.readFileSync(this.file);
    for (let o = 0; o + RECORD <= buf.length; o += RECORD) {
      const hash = buf.subarray(o, o + 32).toString('hex');
      const v = new Float32Array(DIMS);
      Buffer.from(v.buffer).set(buf.subarray(o + 32, o + RECORD));
      this.vectors.set(hash, v);
    }
  }

  get size(): number {
    return this.vectors.size;
  }

  /**
   * Wraps the service's embed (the product's code path): cached texts are answered from disk,
   * the rest are embedded by the service and appended.
   */
  wrap(service: EmbeddingService): void {
    const embed = service.embed.bind(service);
    service.embed = async (texts: readonly string[]): Promise<Float32Array[] | null> => {
      const hashes = texts.map(contentHash);
      const missing = [...new Set(hashes.filter((h) => !this.vectors.has(h)))];
      if (missing.length > 0) {
        const byHash = new Map(texts.map((t, i) => [hashes[i], t]));
        const fresh = await embed(missing.map((h) => byHash.get(h) ?? ''));
        if (!fresh) return null;
        const out = Buffer.alloc(missing.length * RECORD);
        missing.forEach((h, i) => {
          this.vectors.set(h, fresh[i]);
          Buffer.from(h, 'hex').copy(out, i * RECORD);
          Buffer.from(fresh[i].buffer, fresh[i].byteOffset, DIMS * 4).copy(out, i * RECORD + 32);
        });
        fs.appendFileSync(this.file, out);
      }
      return hashes.map((h) => this.vectors.get(h) as Float32Array);
    };
  }
}
