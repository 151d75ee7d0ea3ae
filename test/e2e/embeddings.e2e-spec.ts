import * as modelModule from '@app/search/embeddings/embedding-model';
import { EMBEDDING_MODEL, defaultModelsDir } from '@app/search/embeddings/embedding-model';
import { EmbeddingService } from '@app/search/embeddings/embedding.service';
import { LearnedSimilarityRanker } from '@app/search/ranking/learned-similarity-ranker';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { eventually } from '../helpers/eventually';
import { ask } from '../helpers/forum-ops';
import { TestApp, TestUser } from '../helpers/test-app';

// Duplicate detection with the embedding model (issue 12): the normal path (vectors stored by
// content hash, sent to the similar index, a paraphrase sharing no character found) and the fallback
// (a corrupted model: lexical suggestions still answer, /health/ready degraded, /metrics says so).

const SIMILAR = `query($title: String!, $body: String, $limit: Int) {
  similarQuestions(title: $title, body: $body, limit: $limit) { score question { id title } }
}`;
interface Similar {
  score: number;
  question: { id: string; title: string };
}
interface Ready {
  status: string;
  degraded: string[];
  details: Record<string, { status: string; [k: string]: unknown }>;
}

const similar = async (t: TestApp, title: string): Promise<Similar[]> =>
  (await t.ok<{ similarQuestions: Similar[] }>(SIMILAR, { title, limit: 10 })).similarQuestions;
/**
 * Readiness once the model check has settled: the instance starts answering while the model is checked
 * and loaded in the background (state `idle` until then), so a first probe can come before the verdict.
 */
const ready = async (t: TestApp): Promise<Ready> =>
  eventually(async () => {
    const body = (await (await fetch(`${t.url}/health/ready`)).json()) as Ready;
    expect(['idle', 'loading']).not.toContain(body.details.embeddings?.state);
    return body;
  }, 60000);
const metrics = async (t: TestApp): Promise<string> => (await fetch(`${t.url}/metrics`)).text();
const storedVectors = async (t: TestApp): Promise<number> =>
  Number(
    (
      (await t.db.query('SELECT COUNT(*) AS n FROM question_embeddings WHERE model_id = ?', [
        EMBEDDING_MODEL.id,
      ])) as {
        n: string;
      }[]
    )[0].n,
  );

describe('duplicate detection with embeddings', () => {
  let t: TestApp;
  let asker: TestUser;
  let withdraw: string;

  beforeAll(async () => {
    t = await TestApp.start({ EMBEDDINGS: 'on', EMBEDDINGS_POOL_SIZE: '1' });
    asker = await t.register('easker');
    // Shares no character with the draft 如何提现 below.
    withdraw = (
      await ask(t, asker, '怎么把余额里的钱转到银行卡', '余额有三百元，想转到自己的储蓄卡。', ['转账'])
    ).id;
    await ask(t, asker, '今天天气很好适合出去玩吗', '周末想去公园走走。', ['生活']);
    await ask(t, asker, '花呗逾期了会影响征信吗', '上个月忘了还，晚了三天。', ['花呗']);
  });
  afterAll(() => t.close());

  it('loads the model: readiness reports it up and /metrics reports it available', async () => {
    const body = await ready(t);
    expect(body.details.embeddings).toMatchObject({
      status: 'up',
      state: 'ready',
      model: EMBEDDING_MODEL.id,
    });
    expect(body.degraded).not.toContain('embeddings');
    const text = await metrics(t);
    expect(text).toContain('embeddings_available 1');
    expect(text).toContain('embeddings_degraded 0');
  });

  it('finds a paraphrase that shares no character with the draft (lexical alone cannot)', async () => {
    const found = await eventually(async () => {
      const s = await similar(t, '如何提现');
      expect(s.map((x) => x.question.id)).toContain(withdraw);
      return s;
    });
    expect(found[0].question.id).toBe(withdraw);
    expect(found[0].score).toBeGreaterThan(0);
    expect(found[0].score).toBeLessThanOrEqual(1);
    // The same draft without the vector: no candidate at all.
    const ranker = t.app.get(LearnedSimilarityRanker);
    const lexical = await ranker.candidates('如何提现', '', undefined, false, 'exact');
    expect(lexical?.candidates.map((c) => c.id) ?? []).not.toContain(withdraw);
  });

  it("takes the index's cosine from Meilisearch as the in-process cosine of the two vectors", async () => {
    const service = t.app.get(EmbeddingService);
    const [a, b] =
      (await service.embed(['如何提现', '怎么把余额里的钱转到银行卡\n余额有三百元，想转到自己的储蓄卡。'])) ??
      [];
    expect(a).toBeDefined();
    let dot = 0;
    for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
    const found = await t.app
      .get(LearnedSimilarityRanker)
      .candidates('如何提现', '', undefined, null, 'exact');
    const c = found?.candidates.find((x) => x.id === withdraw);
    expect(c?.cosine).toBeCloseTo(dot, 2);
  });

  it('stores one vector per distinct text and never embeds unchanged text again', async () => {
    const before = await eventually(async () => {
      const n = await storedVectors(t);
      expect(n).toBeGreaterThanOrEqual(3);
      return n;
    });
    // The same title and body asked again: same content hash, no new row; a new text adds one.
    await ask(t, asker, '怎么把余额里的钱转到银行卡', '余额有三百元，想转到自己的储蓄卡。', ['转账']);
    await ask(t, asker, '借呗的额度为什么突然没有了', '昨天还能借，今天显示暂无额度。', ['借呗']);
    await eventually(async () => expect(await storedVectors(t)).toBe(before + 1));
  });

  describe('with a corrupted model', () => {
    let broken: TestApp;
    let dir: string;

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qa-model-'));
      const src = path.join(defaultModelsDir(), EMBEDDING_MODEL.path);
      const dst = path.join(dir, EMBEDDING_MODEL.path);
      fs.cpSync(src, dst, { recursive: true });
      const onnx = path.join(dst, EMBEDDING_MODEL.onnxFile);
      const bytes = fs.readFileSync(onnx);
      bytes[bytes.length - 1] ^= 0xff; // one flipped byte: the checksum must catch it
      fs.writeFileSync(onnx, bytes);
      broken = await TestApp.start({ EMBEDDINGS: 'on', EMBEDDINGS_MODEL_DIR: dir });
    });
    afterAll(async () => {
      await broken.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('serves lexical suggestions and reports the instance degraded', async () => {
      const body = await ready(broken);
      expect(body.status).toBe('degraded');
      expect(body.degraded).toContain('embeddings');
      expect(body.details.embeddings).toMatchObject({ status: 'down', state: 'unavailable' });
      expect(String(body.details.embeddings.reason)).toContain('checksum');
      const text = await metrics(broken);
      expect(text).toContain('embeddings_available 0');
      expect(text).toContain('embeddings_degraded 1');
      // A lexical match still comes back.
      const s = await eventually(async () => {
        const r = await similar(broken, '花呗逾期会不会影响征信');
        expect(r.length).toBeGreaterThan(0);
        return r;
      });
      expect(s[0].question.title).toBe('花呗逾期了会影响征信吗');
    });
  });

  describe('while the model check has not settled', () => {
    it('reports the instance degraded with embeddings loading (200), then ok once the model works', async () => {
      // The model check is held back until the test lets it go.
      let release: () => void = () => undefined;
      const gate = new Promise<void>((r) => (release = r));
      const realCheck = modelModule.checkModel;
      const spy = jest
        .spyOn(modelModule, 'checkModel')
        .mockImplementation(async (dir: string) => gate.then(() => realCheck(dir)));
      const loading = await TestApp.start({ EMBEDDINGS: 'on', EMBEDDINGS_POOL_SIZE: '1' });
      try {
        expect(spy).toHaveBeenCalled();
        const res = await fetch(`${loading.url}/health/ready`);
        expect(res.status).toBe(200);
        const body = (await res.json()) as Ready;
        expect(body.status).toBe('degraded');
        expect(body.degraded).toEqual(['embeddings']);
        expect(body.details.embeddings).toMatchObject({ status: 'down', state: 'loading' });
        release();
        const settled = await ready(loading);
        expect(settled.status).toBe('ok');
        expect(settled.details.embeddings).toMatchObject({ status: 'up', state: 'ready' });
      } finally {
        release();
        spy.mockRestore();
        await loading.close();
      }
    });
  });

  describe('with a missing model directory', () => {
    it('falls back to lexical-only and says why', async () => {
      const missing = await TestApp.start({
        EMBEDDINGS: 'on',
        EMBEDDINGS_MODEL_DIR: path.join(os.tmpdir(), 'no-such-model'),
      });
      try {
        const body = await ready(missing);
        expect(body.degraded).toContain('embeddings');
        expect(String(body.details.embeddings.reason)).toContain('not installed');
        const s = await eventually(async () => {
          const r = await similar(missing, '花呗逾期会不会影响征信');
          expect(r.length).toBeGreaterThan(0);
          return r;
        });
        expect(s[0].question.title).toBe('花呗逾期了会影响征信吗');
      } finally {
        await missing.close();
      }
    });
  });
});
