/**
 * Piscina worker: loads the embedding model once (local files only, nothing is ever downloaded) and
 * embeds batches of texts. Imports nothing from the application, so it starts fast.
 */
import { workerData } from 'node:worker_threads';

interface WorkerConfig {
  modelsDir: string;
  modelPath: string;
}

type Extractor = (
  texts: string[],
  options: { pooling: 'cls'; normalize: boolean },
) => Promise<{ data: Float32Array; dims: number[] }>;

let extractor: Promise<Extractor> | null = null;

async function load(): Promise<Extractor> {
  const { env, pipeline } = await import('@huggingface/transformers');
  const config = workerData as WorkerConfig;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = config.modelsDir.endsWith('/') ? config.modelsDir : `${config.modelsDir}/`;
  const pipe = await pipeline('feature-extraction', config.modelPath, {
    dtype: 'q8',
    session_options: { intraOpNumThreads: 1, interOpNumThreads: 1 },
  });
  return pipe as unknown as Extractor;
}

/** Returns one Float32Array buffer of texts.length × dims values (transferred, not copied). */
export default async function embed(texts: string[]): Promise<{ dims: number; buffer: ArrayBuffer }> {
  extractor ??= load();
  const run = await extractor;
  if (texts.length === 0) return { dims: 0, buffer: new ArrayBuffer(0) };
  const out = await run(texts, { pooling: 'cls', normalize: true });
  const copy = new Float32Array(out.data); // own buffer, transferable
  return { dims: out.dims[out.dims.length - 1], buffer: copy.buffer };
}
