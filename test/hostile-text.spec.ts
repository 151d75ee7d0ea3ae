// Every function that runs on user text, on hostile inputs at the largest size the API accepts (see
// test/helpers/hostile-text.ts for the inputs and the functions). Timing is not checked here: the 50 ms
// bound is measured by `npm run bench:hostile-text`, and super-linear regular expressions fail the lint
// (eslint-plugin-regexp). What this checks needs no clock: every function completes on every input
// without overflowing the stack or throwing anything but a validation error, and no output grows out of
// proportion to its input. The cases run in a plain Node process: inside Jest's sandbox every global
// lookup is many times slower.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { CheckResult, FUNCTIONS, INPUTS } from './helpers/hostile-text';

/** Largest output allowed per input character (escaping `&` as `&amp;` is 5x; markup wraps add a little). */
const GROWTH = 10;
const GROWTH_FLOOR = 4096;

function checkInPlainNode(): Promise<CheckResult[]> {
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
      code === 0
        ? resolve(JSON.parse(stdout) as CheckResult[])
        : reject(new Error(`exit ${code}: ${stderr}`)),
    );
  });
}

describe('functions on user text on hostile input', () => {
  let results: CheckResult[];

  beforeAll(async () => {
    results = await checkInPlainNode();
  }, 600_000);

  it('covers every function on every input', () => {
    const functions = Object.keys(FUNCTIONS).length;
    const inputs = Object.keys(INPUTS).length;
    expect(functions).toBeGreaterThanOrEqual(27);
    expect(inputs).toBeGreaterThanOrEqual(95);
    expect(results).toHaveLength(functions * inputs);
  });

  it.each(Object.keys(FUNCTIONS))(
    '%s completes on every hostile input without an error other than a refusal',
    (fn) => {
      const failed = results
        .filter((r) => r.fn === fn && r.error !== null)
        .map((r) => `${r.input}: ${r.error}`);
      expect(failed).toEqual([]);
    },
  );

  it.each(Object.keys(FUNCTIONS))(`%s returns at most ${GROWTH}x its input`, (fn) => {
    const grown = results
      .filter((r) => r.fn === fn && r.outputSize > GROWTH * r.inputLength + GROWTH_FLOOR)
      .map((r) => `${r.input}: ${r.outputSize} from ${r.inputLength}`);
    expect(grown).toEqual([]);
  });
});
