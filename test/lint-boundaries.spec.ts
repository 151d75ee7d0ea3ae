import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';

/**
 * The module boundaries are a lint check, not a habit: plant upward, deep and cross-lib relative
 * imports in virtual files and expect `npm run lint`'s configuration to reject each, while the
 * allowed directions pass. ESLint runs in a child process (its flat config is an ES module).
 */
const root = path.resolve(__dirname, '..');

interface Case {
  file: string;
  code: string;
}

const LINT = `
const { ESLint } = require('eslint');
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const c of JSON.parse(process.argv[1])) {
    const [result] = await eslint.lintText(c.code, { filePath: c.file });
    out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').length);
  }
  process.stdout.write(JSON.stringify(out));
})().catch((err) => { console.error(err); process.exit(1); });
`;

async function violations(cases: Case[]): Promise<number[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', LINT, JSON.stringify(cases)], {
    cwd: root,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout) as number[];
}

const use = (spec: string): string => `import { a } from '${spec}';\nexport const b = a;\n`;

describe('module boundaries in the lint', () => {
  it('fails on upward, deep and cross-lib relative imports, and passes the allowed ones', async () => {
    const planted: [string, Case][] = [
      ['core importing accounts (upward)', { file: 'libs/core/src/planted.ts', code: use('@app/accounts') }],
      [
        'accounts importing forum (upward)',
        { file: 'libs/accounts/src/planted.ts', code: use('@app/forum') },
      ],
      ['forum importing search (upward)', { file: 'libs/forum/src/planted.ts', code: use('@app/search') }],
      [
        'forum importing notifications (upward)',
        { file: 'libs/forum/src/x/planted.ts', code: use('@app/notifications') },
      ],
      [
        'search importing notifications (sideways)',
        { file: 'libs/search/src/planted.ts', code: use('@app/notifications') },
      ],
      [
        'a lib importing an app',
        { file: 'libs/forum/src/planted.ts', code: use('../../../apps/api/src/main') },
      ],
      ['a deep import in a lib', { file: 'libs/search/src/planted.ts', code: use('@app/forum/forum.rules') }],
      [
        'a deep import in bench',
        { file: 'bench/planted.ts', code: use('@app/search/ranking/similarity-model') },
      ],
      [
        'a deep import in an app',
        { file: 'apps/api/src/planted.ts', code: use('@app/core/database/transaction') },
      ],
      [
        'a relative import into another lib',
        { file: 'libs/search/src/planted.ts', code: use('../../forum/src/index') },
      ],
      [
        'a relative import into a lib from bench',
        { file: 'bench/planted.ts', code: use('../libs/search/src') },
      ],
    ];
    const allowed: [string, Case][] = [
      [
        'search importing forum and core',
        { file: 'libs/search/src/planted.ts', code: use('@app/forum') + use('@app/core') },
      ],
      [
        'notifications importing forum',
        { file: 'libs/notifications/src/planted.ts', code: use('@app/forum') },
      ],
      [
        'a relative import inside a lib',
        { file: 'libs/forum/src/x/planted.ts', code: use('../forum.rules') },
      ],
      ['an app importing the libs', { file: 'apps/api/src/planted.ts', code: use('@app/notifications') }],
      ["core's start-up entry", { file: 'apps/cli/src/planted.ts', code: use('@app/core/startup') }],
      [
        'a test reaching inside a lib',
        { file: 'test/e2e/planted.e2e-spec.ts', code: use('../../libs/core/src/database/database-url') },
      ],
    ];
    const found = await violations([...planted, ...allowed].map(([, c]) => c));
    const named = (list: [string, Case][], from: number) => list.map(([name], i) => [name, found[from + i]]);
    expect(named(planted, 0).filter(([, n]) => n !== 1)).toEqual([]);
    expect(named(allowed, planted.length).filter(([, n]) => n !== 0)).toEqual([]);
  }, 120000);
});
