import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { PAUSE_MS } from '@/lib/jobs/spare-cpu';

// Background jobs give way to requests (lib/jobs/spare-cpu.ts): in a process at a lower priority,
// as `npm start` runs the worker, a job waits while higher-priority work keeps every core busy.
// Real kernel, real processes: spinners at normal priority take the cores, and a child runs jobs
// through the queue's own wrapper (tests/jobs/helpers/background-units.ts).

const spinners: ChildProcess[] = [];

afterEach(() => {
  for (const spinner of spinners.splice(0)) spinner.kill('SIGKILL');
});

/**
 * Milliseconds between the starts of consecutive jobs, each 100 ms of CPU, in a child at `niceness`;
 * every core is taken (by spinners at normal priority) from when the child has loaded until it is done.
 */
async function gapsBetweenJobsOnBusyCores(niceness: number): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('tests/jobs/helpers/background-units.ts')], {
    env: { ...process.env, NICENESS: String(niceness), UNITS: '8' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe('ready');
  for (let index = 0; index <= availableParallelism(); index += 1)
    spinners.push(spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
  child.stdin!.write('go\n');
  const { value } = await lines.next();
  await once(child, 'exit');
  return JSON.parse(String(value)) as number[];
}

describe.runIf(process.platform === 'linux')('background jobs while requests have the CPU', () => {
  it('a worker at the lowest priority pauses between jobs while every core is taken', async () => {
    const gaps = await gapsBetweenJobsOnBusyCores(19);
    expect(gaps).toHaveLength(7);
    // It judges after a quarter of a second runnable: 800 ms of jobs make at least two pauses. Without
    // them a job follows the last within a few hundred ms even when starved.
    expect(gaps.filter((gap) => gap >= PAUSE_MS).length).toBeGreaterThanOrEqual(2);
  });

  it('at normal priority jobs never pause', async () => {
    const gaps = await gapsBetweenJobsOnBusyCores(0);
    expect(gaps).toHaveLength(7);
    for (const gap of gaps) expect(gap).toBeLessThan(PAUSE_MS);
  });
});
