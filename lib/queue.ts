import { PgBoss, fromPrisma, type JobInsert, type SendOptions } from 'pg-boss';
import { env, requireDatabaseUrl } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { handleEachJob, type JobDefinition } from '@/lib/jobs/define-job';
import type { JobName, JobPayload } from '@/lib/jobs/definitions';
import { finishedJobKeepSeconds } from '@/lib/retention/periods';
import { log } from '@/lib/log';

/*
 * The one pg-boss instance of a process. Its tables live in the `pgboss` schema of the app's
 * database; pg-boss creates and migrates them itself on start().
 */

export const QUEUE_SCHEMA = 'pgboss';

/*
 * A crashed worker (or a database that went away under it) leaves its jobs `active`. Every job here
 * has a heartbeat, refreshed by pg-boss while a handler runs: one that is not refreshed for
 * JOB_HEARTBEAT_SECONDS is failed (and retried) at the next supervision pass, at most
 * SUPERVISE_INTERVAL_SECONDS later, whatever its expireInSeconds, which only bounds a live run.
 * So a stately queue (one run at a time) is free again within ~20 s of a crash, not after its expiry.
 */
export const JOB_HEARTBEAT_SECONDS = 10;
const SUPERVISE_INTERVAL_SECONDS = 5;

type QueueGlobal = { dauysQueue?: Promise<PgBoss>; dauysWorkersStarted?: boolean };
// One instance per process; the global survives hot reloads in development.
const globalForQueue = globalThis as unknown as QueueGlobal;

/**
 * A process that runs jobs (the worker, or a web server with WORKER_IN_PROCESS) also supervises the
 * queues and runs the cron schedules. One that only adds jobs (a web server beside `npm run
 * worker`) does neither and keeps two connections: each is a PostgreSQL process (docs/operations.md,
 * "Memory"), and during a sign surge the web server's instance held seven for its supervision passes.
 */
function queueRole(runsJobs: boolean) {
  return runsJobs ? { max: 10, supervise: true, schedule: true } : { max: 2, supervise: false, schedule: false };
}

async function startQueue(runsJobs: boolean): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: requireDatabaseUrl(),
    schema: QUEUE_SCHEMA,
    application_name: 'dauys-queue',
    ...queueRole(runsJobs),
    // Expiry and lost heartbeats are found in these passes (pg-boss's default: every 60 s).
    superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
    monitorIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
  });
  boss.on('error', (error) => log.error({ component: 'queue', err: error }, 'pg-boss error'));
  await boss.start();
  // Since v10 a queue must exist before send/work. Imported here, not at the top: the definitions
  // import every handler, and the handlers import this module to queue their own jobs.
  const { JOBS } = await import('@/lib/jobs/definitions');
  for (const { name, queue } of JOBS) {
    const { policy, ...settings } = {
      heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
      ...queue,
      deleteAfterSeconds: finishedJobKeepSeconds(queue.deleteAfterSeconds),
    };
    await boss.createQueue(name, { policy, ...settings });
    // createQueue leaves an existing queue as it was: bring its settings up to date.
    await boss.updateQueue(name, settings);
  }
  return boss;
}

/** The started pg-boss instance (lazily, once per process; a failed start is retried on the next call). */
export function getQueue(): Promise<PgBoss> {
  globalForQueue.dauysQueue ??= startQueue(env.WORKER_IN_PROCESS || Boolean(globalForQueue.dauysWorkersStarted)).catch((error: unknown) => {
    globalForQueue.dauysQueue = undefined;
    throw error;
  });
  return globalForQueue.dauysQueue;
}

export type EnqueueOptions = Omit<SendOptions, 'db'> & {
  /** Insert the job in this Prisma transaction: it becomes visible only if the transaction commits. */
  tx?: Prisma.TransactionClient;
};

/** Adds a job; resolves to its id, or null when a job with the same singletonKey is already queued. */
export async function enqueue<N extends JobName>(name: N, data: JobPayload<N>, options: EnqueueOptions = {}): Promise<string | null> {
  const { tx, ...sendOptions } = options;
  const boss = await getQueue();
  return boss.send(name, data, { ...sendOptions, ...(tx ? { db: fromPrisma(tx) } : {}) });
}

/** Adds many jobs to one queue in one statement (in `tx` when given). */
export async function enqueueMany<N extends JobName>(
  name: N,
  jobs: JobInsert<JobPayload<N>>[],
  options: { tx?: Prisma.TransactionClient } = {},
): Promise<void> {
  if (jobs.length === 0) return;
  const boss = await getQueue();
  await boss.insert(name, jobs, options.tx ? { db: fromPrisma(options.tx) } : {});
}

/** Makes the queued or retrying jobs with these singleton keys due now; jobs in hand are left alone. */
export async function makeJobsDueNow(name: JobName, singletonKeys: readonly string[]): Promise<number> {
  const boss = await getQueue();
  let updated = 0;
  for (let index = 0; index < singletonKeys.length; index += 8) {
    const results = await Promise.all(
      singletonKeys.slice(index, index + 8).map((singletonKey) => boss.update(name, undefined, { singletonKey, startAfter: new Date() })),
    );
    updated += results.reduce((sum, result) => sum + result.updated, 0);
  }
  return updated;
}

/**
 * SQL for "a job of `queue` with singletonKey = `keyColumn` is queued, retrying or running", for
 * the exclusive queues' singleton index (pg-boss's table, read-only).
 */
export function liveExclusiveJobExists(queue: JobName, keyColumn: string): string {
  return `EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.job j WHERE j.name = '${queue}' AND j.policy = 'exclusive'
            AND COALESCE(j.singleton_key, '') = ${keyColumn} AND j.state <= 'active')`;
}

/** SQL for when the queued or retrying job of `queue` with singletonKey = `keyColumn` runs next (null: none). */
export function nextRunOfExclusiveJob(queue: JobName, keyColumn: string): string {
  return `(SELECT j.start_after FROM ${QUEUE_SCHEMA}.job j WHERE j.name = '${queue}' AND j.policy = 'exclusive'
             AND COALESCE(j.singleton_key, '') = ${keyColumn} AND j.state < 'active' LIMIT 1)`;
}

/** Starts a worker for each definition in this process (once; later calls do nothing). */
export async function startWorkers(definitions: readonly JobDefinition[]): Promise<void> {
  if (globalForQueue.dauysWorkersStarted) return;
  globalForQueue.dauysWorkersStarted = true;
  try {
    // Without WORKER_IN_PROCESS an instance started before this one only adds jobs: it gives way to one that supervises.
    if (!env.WORKER_IN_PROCESS) await closeQueue();
    const boss = await getQueue();
    for (const definition of definitions) {
      await boss.work(definition.name, { ...definition.work, includeMetadata: true, perJobResults: true }, handleEachJob(definition));
      if (definition.cron) await boss.schedule(definition.name, definition.cron, {});
      else await boss.unschedule(definition.name);
    }
  } catch (error) {
    globalForQueue.dauysWorkersStarted = false;
    throw error;
  }
}

/**
 * Stops this process's workers (graceful: jobs in hand finish first, up to `timeoutMs`) and closes
 * the queue's connections. The next getQueue() starts a fresh instance.
 */
export async function stopWorkers(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
  globalForQueue.dauysWorkersStarted = false;
  await closeQueue(options);
}

async function closeQueue(options: { graceful?: boolean; timeoutMs?: number } = {}): Promise<void> {
  const current = globalForQueue.dauysQueue;
  globalForQueue.dauysQueue = undefined;
  const boss = await current?.catch(() => undefined);
  await boss?.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 20_000 });
}

/** For the health check: pg-boss's schema version, read through its own connections. */
export async function queueSchemaVersion(): Promise<number | null> {
  const boss = await getQueue();
  return boss.schemaVersion();
}
