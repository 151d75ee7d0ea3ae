import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const CHUNK = 500;

/** SQL on question_embeddings: vectors keyed by (model id, sha256 of the embedded text). */
@Injectable()
export class EmbeddingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The stored vectors of these content hashes (hex), by hash; absent ones are left out. */
  async find(modelId: string, hashes: readonly string[]): Promise<Map<string, Float32Array>> {
    const out = new Map<string, Float32Array>();
    const unique = [...new Set(hashes)];
    for (let i = 0; i < unique.length; i += CHUNK) {
      const chunk = unique.slice(i, i + CHUNK).map((h) => Buffer.from(h, 'hex'));
      const rows = (await this.db.query(
        'SELECT content_hash AS hash, vector FROM question_embeddings WHERE model_id = ? AND content_hash IN (?)',
        [modelId, chunk],
      )) as { hash: Buffer; vector: Buffer }[];
      for (const r of rows) out.set(r.hash.toString('hex'), toVector(r.vector));
    }
    return out;
  }

  /** Idempotent: a vector already stored for (model, hash) is kept. */
  async save(modelId: string, vectors: ReadonlyMap<string, Float32Array>): Promise<void> {
    const rows = [...vectors].map(([h, v]) => [modelId, Buffer.from(h, 'hex'), toBytes(v)]);
    for (let i = 0; i < rows.length; i += CHUNK) {
      await this.db.query(
        'INSERT IGNORE INTO question_embeddings (model_id, content_hash, vector) VALUES ?',
        [rows.slice(i, i + CHUNK)],
      );
    }
  }

  async count(modelId: string): Promise<number> {
    const [row] = (await this.db.query('SELECT COUNT(*) AS n FROM question_embeddings WHERE model_id = ?', [
      modelId,
    ])) as { n: string }[];
    return Number(row.n);
  }
}

function toBytes(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

function toVector(b: Buffer): Float32Array {
  const v = new Float32Array(b.length / 4);
  Buffer.from(v.buffer).set(b);
  return v;
}
