import { untilGap } from './outbox-consumer';
import { PollingLoop } from './polling-loop';

describe('untilGap', () => {
  const row = (id: number, settled = 0) => ({ id: String(id), settled });

  it('takes consecutive ids and stops at an unsettled gap', () => {
    expect(untilGap('4', [row(5), row(6), row(8), row(9)]).map((r) => r.id)).toEqual(['5', '6']);
  });

  it('passes a gap once the row after it has settled (the missing id was rolled back)', () => {
    expect(untilGap('4', [row(5), row(7, 1), row(8)]).map((r) => r.id)).toEqual(['5', '7', '8']);
  });

  it('waits when the very first id is missing and unsettled', () => {
    expect(untilGap('4', [row(6), row(7)])).toEqual([]);
  });
});

describe('PollingLoop', () => {
  it('runs steps back to back while there is more, then stops gracefully after the step in progress', async () => {
    const seen: number[] = [];
    let release: () => void = () => undefined;
    const blocked = new Promise<void>((r) => (release = r));
    const loop = new PollingLoop({
      name: 'test',
      intervalMs: 60000,
      step: async () => {
        seen.push(seen.length);
        if (seen.length === 3) await blocked;
        return { more: true };
      },
    });
    loop.start();
    await new Promise((r) => setImmediate(r));
    expect(loop.running).toBe(true);
    const stopped = loop.stop();
    expect(loop.running).toBe(false);
    release();
    await stopped;
    expect(seen).toEqual([0, 1, 2]);
  });

  it('wake() ends the sleep at once, and a failing step is retried', async () => {
    let calls = 0;
    let failedOnce = false;
    let resolveSecond: () => void = () => undefined;
    const second = new Promise<void>((r) => (resolveSecond = r));
    const loop = new PollingLoop({
      name: 'test',
      intervalMs: 60000,
      failureLevel: 'warn',
      step: async () => {
        calls++;
        if (!failedOnce) {
          failedOnce = true;
          throw new Error('boom');
        }
        resolveSecond();
        return {};
      },
    });
    loop.start();
    await new Promise((r) => setImmediate(r));
    expect(calls).toBe(1); // sleeping after the failure (a minute at least)
    loop.wake();
    await second;
    expect(calls).toBe(2);
    await loop.stop();
  });
});
