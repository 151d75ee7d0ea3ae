// Every function that runs on user text, on hostile inputs at the largest size the API accepts
// (see test/helpers/hostile-text.ts for the inputs, the functions and how a case is timed). The
// cases run in a plain Node process: inside Jest's sandbox every global lookup is many times slower.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { BUDGET_MS, CaseResult, FUNCTIONS, INPUTS, SLACK, passes } from './helpers/hostile-text';

function measureInPlainNode(): Promise<CaseResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'test/helpers/hostile-text.ts',
      ],
      { cwd: path.join(__dirname, '..'), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(stdout) as CaseResult[]) : reject(new Error(`exit ${code}: ${stderr}`)),
    );
  });
}

describe('functions on user text stay linear on hostile input', () => {
  let results: CaseResult[];

  beforeAll(async () => {
    results = await measureInPlainNode();
  }, 900_000);

  it('covers every function on every input', () => {
    const functions = Object.keys(FUNCTIONS).length;
    const inputs = Object.keys(INPUTS).length;
    console.log(`hostile text: ${inputs} inputs x ${functions} functions = ${results.length} cases`);
    expect(results).toHaveLength(functions * inputs);
  });

  it.each(Object.keys(FUNCTIONS))(
    `%s takes at most ${BUDGET_MS} ms (or ${SLACK}x an ordinary post of the same size) on every hostile input`,
    (fn) => {
      const mine = results.filter((r) => r.fn === fn);
      const worst = mine.reduce((a, b) => (b.cpu > a.cpu ? b : a));
      const over = mine.filter((r) => r.cpu > BUDGET_MS).length;
      console.log(
        `${fn}: worst ${worst.cpu.toFixed(1)} ms CPU (${worst.wall.toFixed(1)} ms wall) on "${worst.input}"; ordinary post ${worst.benignCpu.toFixed(1)} ms; ${over} of ${mine.length} inputs over ${BUDGET_MS} ms`,
      );
      const slow = mine
        .filter((r) => !passes(r))
        .map(
          (r) =>
            `${r.input}: ${r.cpu.toFixed(1)} ms CPU (${r.wall.toFixed(1)} ms wall), ordinary post ${r.benignCpu.toFixed(1)} ms`,
        );
      expect(slow).toEqual([]);
    },
  );
});
