export interface BenchArgs {
  data: string;
  split: string;
  onlySource?: string;
  out?: string;
  /** Evaluate an evenly spaced sample of this many queries (large splits); all when absent. */
  sample?: number;
}

const USAGE =
  'usage: npm run bench:duplicates -- --data <dir> --split <name> [--only-source <split>] [--out <file>] [--sample <n>]';

export function parseArgs(argv: readonly string[]): BenchArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i];
    if (!key.startsWith('--') || i + 1 >= argv.length) throw new Error(`${USAGE}\nunexpected: ${key}`);
    values.set(key.slice(2), argv[++i]);
  }
  const data = values.get('data');
  const split = values.get('split');
  if (!data || !split) throw new Error(USAGE);
  const sample = values.has('sample') ? Number(values.get('sample')) : undefined;
  if (sample !== undefined && !(Number.isInteger(sample) && sample > 0))
    throw new Error('--sample must be > 0');
  return { data, split, onlySource: values.get('only-source'), out: values.get('out'), sample };
}
