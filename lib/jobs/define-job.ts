import type { JobResult, JobWithMetadata, Queue, WorkOptions } from 'pg-boss';
import { z } from 'zod';
import { waitForSpareCpu } from '@/lib/jobs/spare-cpu';
import { log } from '@/lib/log';

/**
 * One background job, whole: its queue (name and pg-boss settings), the data each job carries, how
 * a worker takes them, an optional schedule, and the handler. Every definition is listed in JOBS
 * (lib/jobs/definitions.ts); the queue is created from it and `enqueue` is typed by it.
 */
export type JobDefinition<Name extends string = string, Payload extends z.ZodType = z.ZodType> = {
  name: Name;
  /** Checked before the handler runs: a job whose data does not match fails for good, unhandled. */
  payload: Payload;
  /** The queue's settings; a queue that exists already is brought up to date on start. */
  queue: Omit<Queue, 'name'>;
  /** How a worker fetches: batch size, parallel workers in this process, polling. */
  work?: Omit<WorkOptions, 'includeMetadata' | 'perJobResults' | 'transactional' | 'transactionTimeoutSeconds'>;
  /** Cron expression (UTC): a job with data `{}` is created on each tick. Without it, any old schedule is removed. */
  cron?: string;
  /** Handles one job; what it returns is stored as the job's output, a throw fails (and retries) it. */
  handler(job: JobWithMetadata<z.output<Payload>>): Promise<unknown>;
};

/** Declares a job; the name and payload schema type `enqueue` and the handler's `job.data`. */
export function defineJob<const Name extends string, Payload extends z.ZodType>(
  definition: JobDefinition<Name, Payload>,
): JobDefinition<Name, Payload> {
  return definition;
}

/** The data of jobs that carry none: nudges and cron ticks send `{}`. */
export const NoPayloadSchema = z.object({});

/**
 * A run nudged after each change (`enqueue(name, {})`) and every minute in case a nudge was lost;
 * the rows it works say what is owed. stately: one running plus one queued, so a nudge during a run
 * is not lost. A run that overruns its expiry is retried beside the live one, so runs must claim
 * their rows with SKIP LOCKED.
 */
export const NUDGED_RUN = {
  payload: NoPayloadSchema,
  queue: { policy: 'stately', retryLimit: 3, expireInSeconds: 180, deleteAfterSeconds: 3600 },
  work: { pollingIntervalSeconds: 1 },
  cron: '* * * * *',
} as const;

/** A scheduled sweep: one at a time (exclusive) and never retried, since the next tick does the same work. */
export function scheduledSweep(cron: string, queue: { expireInSeconds: number; deleteAfterSeconds: number }) {
  return { payload: NoPayloadSchema, queue: { policy: 'exclusive', retryLimit: 0, ...queue }, cron } as const;
}

/**
 * The pg-boss handler of a definition (work option `perJobResults`): each job of a batch is checked
 * and settled on its own, so one job's failure or retry is not its neighbours'.
 */
export function handleEachJob(definition: JobDefinition): (jobs: JobWithMetadata<unknown>[]) => Promise<JobResult[]> {
  return async (jobs) => {
    const results: JobResult[] = [];
    for (const job of jobs) {
      const payload = definition.payload.safeParse(job.data);
      if (!payload.success) {
        const issues = payload.error.issues.map((issue) => `${issue.path.join('.') || '(data)'}: ${issue.message}`);
        const message = `invalid payload: ${issues.join('; ')}`;
        log.error({ component: 'jobs', job: definition.name, jobId: job.id }, message);
        // `deadletter` fails it without retries (these queues have no dead letter queue): the same data would fail again.
        results.push({ id: job.id, status: 'deadletter', output: { message } });
        continue;
      }
      try {
        await waitForSpareCpu();
        const output = await definition.handler({ ...job, data: payload.data });
        results.push({ id: job.id, status: 'completed', output });
      } catch (error) {
        results.push({ id: job.id, status: 'failed', output: error });
      }
    }
    return results;
  };
}
