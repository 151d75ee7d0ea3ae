import { readCorpus, readQueries } from '/work/main/bench/lib/dataset';
import { TermStats } from '/work/main/libs/search/src/similar/term-stats';
import { buildTrainingLists, LinkGroup } from '/work/main/libs/search/src/similar/training-lists';
import { fitTermWeights, DEFAULT_FIT_OPTIONS } from '/work/main/libs/search/src/similar/weights-fitter';
const dir = '/work/shared/data/afqmc';
const corpus = readCorpus(dir);
const stats = new TermStats();
for (const e of corpus) stats.upsert(e._id, e.text);
const linked = new Map<string, Set<string>>();
for (const q of readQueries(dir, 'train')) for (const p of q.positive_ids) {
  for (const [a, b] of [[q.doc_id, p], [p, q.doc_id]]) { if (!linked.has(a)) linked.set(a, new Set()); linked.get(a)!.add(b); }
}
const groups: LinkGroup[] = [...linked].map(([questionId, linkedIds]) => ({ questionId, linkedIds }));
let t = Date.now();
const lists = buildTrainingLists(stats, groups);
console.log('groups', groups.length, 'lists', lists.length, 'ms', Date.now() - t);
t = Date.now();
const fit = fitTermWeights(lists, { ...DEFAULT_FIT_OPTIONS, maxIterations: Number(process.env.IT ?? 150) });
console.log('fit', fit.lists, fit.iterations, fit.loss, 'ms', Date.now() - t, 'scale', fit.weights.bm25Scale);
