import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The sentence-embedding model of duplicate detection: BAAI bge-small-zh-v1.5 (MIT), int8 ONNX in the
 * Transformers.js layout, installed under .data/models by scripts/fetch-embedding-model.js (npm ci).
 * 4 layers, 512 dimensions, CLS pooling, normalised vectors.
 */
export const EMBEDDING_MODEL = {
  /** Keys stored vectors (question_embeddings.model_id): change it when the model or its input changes. */
  id: 'bge-small-zh-v1.5-q8',
  path: 'BAAI/bge-small-zh-v1.5',
  onnxFile: 'onnx/model_quantized.onnx',
  sha256: '15b717c382bcb518ba457b93ea6850ede7f4f1cd8937454aa06972366cd19bcc',
  dimensions: 512,
  /** The embedder's name in Meilisearch (documents carry `_vectors.<name>`). */
  embedder: 'bge',
} as const;

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', EMBEDDING_MODEL.onnxFile];

/** <project root>/.data/models, the root being the nearest directory with a package.json (src or dist). */
export function defaultModelsDir(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, '.data', 'models');
}

export type ModelCheck = { ok: true; dir: string } | { ok: false; reason: string };

function sha256Of(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The model files are present and the ONNX weights match the pinned sha256. */
export async function checkModel(modelsDir: string): Promise<ModelCheck> {
  const dir = path.join(modelsDir, EMBEDDING_MODEL.path);
  const missing = REQUIRED_FILES.filter((f) => !existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    return { ok: false, reason: `model not installed (${dir}: missing ${missing.join(', ')}; run npm ci)` };
  }
  const got = await sha256Of(path.join(dir, EMBEDDING_MODEL.onnxFile));
  if (got !== EMBEDDING_MODEL.sha256) {
    return {
      ok: false,
      reason: `model checksum mismatch (${EMBEDDING_MODEL.onnxFile} sha256 ${got.slice(0, 12)}…)`,
    };
  }
  return { ok: true, dir };
}
