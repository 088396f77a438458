/**
 * A process of background units for tests/jobs/give-way.test.ts: at the niceness it is given
 * (NICENESS), once loaded it says "ready" and waits for a line on stdin, then runs UNITS jobs
 * through the same wrapper the worker's queue uses, each job 100 ms of CPU, and prints the
 * milliseconds between the starts of consecutive jobs as JSON.
 */
import { setPriority } from 'node:os';
import { z } from 'zod';
import { defineJob, handleEachJob } from '@/lib/jobs/define-job';

setPriority(Number(process.env.NICENESS ?? 0));
const UNIT_MS = 100;
const starts: number[] = [];
const definition = defineJob({
  name: 'test.background-unit',
  payload: z.object({}),
  queue: { policy: 'standard' },
  handler: async () => {
    starts.push(performance.now());
    const until = performance.now() + UNIT_MS;
    while (performance.now() < until) {
      // CPU work, as rendering a batch of mail is.
    }
  },
});

const jobs = Array.from({ length: Number(process.env.UNITS ?? 8) }, (_, index) => ({ id: String(index), data: {} }));
process.stdin.once('data', () => {
  void handleEachJob(definition)(jobs as never).then(() => {
    process.stdout.write(`${JSON.stringify(starts.slice(1).map((start, index) => Math.round(start - starts[index]!)))}\n`);
    process.exit(0);
  });
});
process.stdout.write('ready\n');
