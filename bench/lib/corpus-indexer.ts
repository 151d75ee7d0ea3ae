import { QuestionStatus } from '@app/forum';
import { buildQuestionDocument, QuestionDocument } from '@app/search';
import { QuestionIndex } from '@app/search';
import { SimilarityStats } from '@app/search';
import { INestApplicationContext } from '@nestjs/common';
import { Presets, SingleBar } from 'cli-progress';
import type { MeiliSearch } from 'meilisearch';
import type { CorpusEntry } from './dataset';

/** One corpus entry with the numeric question id the bench gives it (forum ids are numbers). */
export interface BenchDoc {
  id: string;
  entry: CorpusEntry;
}

// 2,000: a batch carrying 512-dim vectors stays well inside the client's 30 s task wait on a loaded box.
export const BATCH = 2000;

/** A corpus entry as a solved forum question: the title is the entry's title, else its text. */
export function toQuestionDocument(d: BenchDoc): QuestionDocument {
  const { title, text } = d.entry;
  return buildQuestionDocument(
    {
      id: d.id,
      title: title || text,
      body: title ? text : '',
      tags: [],
      categoryKey: null,
      status: QuestionStatus.SOLVED,
      officialAnswerCount: 0,
      score: 0,
      answerCount: 1,
      meTooCount: 0,
      createdAt: new Date(0),
      duplicateOfId: null,
    },
    null,
    [],
  );
}

function progress(label: string, total: number): SingleBar {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} {percentage}% | {duration_formatted}`, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

/**
 * Fills the project's questions index (its own settings) through QuestionIndex.write, the call the
 * relay makes, so SimilarityStats follows exactly as in production. Batches of 10k, each waited for.
 */
export async function indexProject(ctx: INestApplicationContext, docs: readonly BenchDoc[]): Promise<number> {
  const started = Date.now();
  const index = ctx.get(QuestionIndex);
  const client = await index.client();
  // A fresh start: waited for, so the indexes are gone before they are created again.
  for (const uid of [index.uid, index.similarUid]) await client.deleteIndex(uid).waitTask();
  await index.ensureReady();
  await ctx.get(SimilarityStats).current(); // empty: every write below is counted as it is indexed
  const bar = progress(index.uid.padEnd(24), docs.length);
  for (let i = 0; i < docs.length; i += BATCH) {
    await index.write(docs.slice(i, i + BATCH).map(toQuestionDocument), []);
    bar.update(Math.min(docs.length, i + BATCH));
  }
  bar.stop();
  return Date.now() - started;
}

/** The baseline: the same entries in an index with Meilisearch's default settings. */
export async function indexPlain(
  client: MeiliSearch,
  uid: string,
  docs: readonly BenchDoc[],
): Promise<number> {
  const started = Date.now();
  await client.deleteIndex(uid).waitTask();
  await client.createIndex(uid, { primaryKey: 'id' }).waitTask();
  const bar = progress(uid.padEnd(24), docs.length);
  for (let i = 0; i < docs.length; i += BATCH) {
    const batch = docs
      .slice(i, i + BATCH)
      .map((d) => ({ id: d.id, text: d.entry.title ? `${d.entry.title}\n${d.entry.text}` : d.entry.text }));
    const task = await client.index(uid).addDocuments(batch).waitTask({ timeout: 600000 });
    if (task.status !== 'succeeded') throw new Error(`plain index: ${task.error?.message ?? task.status}`);
    bar.update(Math.min(docs.length, i + BATCH));
  }
  bar.stop();
  return Date.now() - started;
}
