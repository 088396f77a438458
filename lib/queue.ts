import { PgBoss, fromPrisma, type JobInsert, type JobWithMetadata, type Queue, type SendOptions, type WorkOptions } from 'pg-boss';
import { requireDatabaseUrl } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import { MAIL_RETRY_POLICY, retryLimitCovering } from '@/lib/mailer/retry-policy';

/*
 * The one pg-boss instance of a process. Its tables live in the `pgboss` schema of the app's
 * database; pg-boss creates and migrates them itself on start().
 */

export const QUEUE_SCHEMA = 'pgboss';

export const QUEUES = {
  mailSend: 'mail.send',
  mailSweep: 'mail.sweep',
  housekeeping: 'housekeeping',
  petitionMail: 'petitions.mail',
  petitionMaintenance: 'petitions.maintenance',
  petitionNotify: 'petitions.notify',
  eventsMail: 'events.mail',
  eventsReminders: 'events.reminders',
  campaignSend: 'campaigns.send',
  campaignTick: 'campaigns.tick',
  reformsFanOut: 'reforms.fanout',
  reformsDigest: 'reforms.digest',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/*
 * A crashed worker (or a database that went away under it) leaves its jobs `active`. Every job here
 * has a heartbeat, refreshed by pg-boss while a handler runs: one that is not refreshed for
 * JOB_HEARTBEAT_SECONDS is failed (and retried) at the next supervision pass, at most
 * SUPERVISE_INTERVAL_SECONDS later, whatever its expireInSeconds, which only bounds a live run.
 * So a stately queue (one run at a time) is free again within ~20 s of a crash, not after its expiry.
 */
export const JOB_HEARTBEAT_SECONDS = 10;
const SUPERVISE_INTERVAL_SECONDS = 5;

/**
 * mail.send: temporary SMTP failures are retried with back-off for MAIL_RETRY_FOR_HOURS (the
 * handler gives up by time, lib/mailer/retry-policy.ts). A handler takes up to 10 jobs and each
 * send has its deadline, so a live batch always ends within the expiry.
 */
export const MAIL_SEND_OPTIONS = {
  retryLimit: retryLimitCovering(MAIL_RETRY_POLICY),
  retryDelay: MAIL_RETRY_POLICY.firstDelaySeconds,
  retryBackoff: true,
  retryDelayMax: MAIL_RETRY_POLICY.maxDelaySeconds,
  heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
  expireInSeconds: Math.max(120, (10 * 2 * MAIL_RETRY_POLICY.sendTimeoutMs) / 1000 + 60),
  // created or retrying for longer than the window plus a day: gone (the sweeper fails the row).
  retentionSeconds: Math.ceil(MAIL_RETRY_POLICY.retryForMs / 1000) + 24 * 3600,
} as const satisfies SendOptions;

const heartbeat = { heartbeatSeconds: JOB_HEARTBEAT_SECONDS };

/** Every queue with its defaults; created at start, since v10 a queue must exist before send/work. */
const QUEUE_SETTINGS: Record<QueueName, Omit<Queue, 'name'>> = {
  // exclusive + singletonKey = OutboundMail id: at most one queued or active job per message, so
  // the sweeper can re-enqueue a row whose job was lost without ever doubling one that exists.
  [QUEUES.mailSend]: { policy: 'exclusive', ...MAIL_SEND_OPTIONS, deleteAfterSeconds: 24 * 3600 },
  [QUEUES.mailSweep]: { policy: 'exclusive', retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 3600, ...heartbeat },
  [QUEUES.housekeeping]: { policy: 'exclusive', retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 24 * 3600, ...heartbeat },
  // stately: one queued + one running, so a nudge during a run still gets the newest signatures mailed.
  // A run that overruns its expiry is retried beside the live one: runs claim rows with SKIP LOCKED.
  [QUEUES.petitionMail]: { policy: 'stately', retryLimit: 3, expireInSeconds: 180, deleteAfterSeconds: 3600, ...heartbeat },
  [QUEUES.petitionMaintenance]: { policy: 'exclusive', retryLimit: 0, expireInSeconds: 600, deleteAfterSeconds: 3600, ...heartbeat },
  [QUEUES.petitionNotify]: { policy: 'standard', retryLimit: 3, expireInSeconds: 900, deleteAfterSeconds: 7 * 24 * 3600, ...heartbeat },
  // stately: RSVP mails, change notices; nudged after each change and every minute (rows say what is owed).
  [QUEUES.eventsMail]: { policy: 'stately', retryLimit: 3, expireInSeconds: 180, deleteAfterSeconds: 3600, ...heartbeat },
  [QUEUES.eventsReminders]: { policy: 'exclusive', retryLimit: 2, expireInSeconds: 600, deleteAfterSeconds: 3600, ...heartbeat },
  // stately: one sender run at a time plus one queued wake-up (docs/decisions/0005-campaign-sending.md).
  [QUEUES.campaignSend]: { policy: 'stately', retryLimit: 0, expireInSeconds: 900, deleteAfterSeconds: 3600, ...heartbeat },
  [QUEUES.campaignTick]: { policy: 'exclusive', retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 3600, ...heartbeat },
  // short: one queued run per stage (singletonKey), any number active; the ledger makes overlaps safe.
  [QUEUES.reformsFanOut]: { policy: 'short', retryLimit: 3, expireInSeconds: 1800, deleteAfterSeconds: 24 * 3600, ...heartbeat },
  [QUEUES.reformsDigest]: { policy: 'exclusive', retryLimit: 3, retryDelay: 60, expireInSeconds: 3600, deleteAfterSeconds: 7 * 24 * 3600, ...heartbeat },
};

type QueueGlobal = { dauysQueue?: Promise<PgBoss>; dauysWorkersStarted?: boolean };
// One instance per process; the global survives hot reloads in development.
const globalForQueue = globalThis as unknown as QueueGlobal;

async function startQueue(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: requireDatabaseUrl(),
    schema: QUEUE_SCHEMA,
    application_name: 'dauys-queue',
    max: 10,
    // Expiry and lost heartbeats are found in these passes (pg-boss's default: every 60 s).
    superviseIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
    monitorIntervalSeconds: SUPERVISE_INTERVAL_SECONDS,
  });
  boss.on('error', (error) => console.error('[queue]', error));
  await boss.start();
  for (const [name, { policy, ...settings }] of Object.entries(QUEUE_SETTINGS)) {
    await boss.createQueue(name, { policy, ...settings });
    // createQueue leaves an existing queue as it was: bring its settings up to date.
    await boss.updateQueue(name, settings);
  }
  return boss;
}

/** The started pg-boss instance (lazily, once per process; a failed start is retried on the next call). */
export function getQueue(): Promise<PgBoss> {
  globalForQueue.dauysQueue ??= startQueue().catch((error: unknown) => {
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
export async function enqueue(name: QueueName, data: object, options: EnqueueOptions = {}): Promise<string | null> {
  const { tx, ...sendOptions } = options;
  const boss = await getQueue();
  return boss.send(name, data, { ...sendOptions, ...(tx ? { db: fromPrisma(tx) } : {}) });
}

/** Adds many jobs to one queue in one statement (in `tx` when given). */
export async function enqueueMany(name: QueueName, jobs: JobInsert[], options: { tx?: Prisma.TransactionClient } = {}): Promise<void> {
  if (jobs.length === 0) return;
  const boss = await getQueue();
  await boss.insert(name, jobs, options.tx ? { db: fromPrisma(options.tx) } : {});
}

/** Makes the queued or retrying jobs with these singleton keys due now; jobs in hand are left alone. */
export async function makeJobsDueNow(name: QueueName, singletonKeys: readonly string[]): Promise<number> {
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
export function liveExclusiveJobExists(queue: QueueName, keyColumn: string): string {
  return `EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.job j WHERE j.name = '${queue}' AND j.policy = 'exclusive'
            AND COALESCE(j.singleton_key, '') = ${keyColumn} AND j.state <= 'active')`;
}

/** SQL for when the queued or retrying job of `queue` with singletonKey = `keyColumn` runs next (null: none). */
export function nextRunOfExclusiveJob(queue: QueueName, keyColumn: string): string {
  return `(SELECT j.start_after FROM ${QUEUE_SCHEMA}.job j WHERE j.name = '${queue}' AND j.policy = 'exclusive'
             AND COALESCE(j.singleton_key, '') = ${keyColumn} AND j.state < 'active' LIMIT 1)`;
}

export type JobHandler<T> = (jobs: JobWithMetadata<T>[]) => Promise<unknown>;

/** One job type: the queue it works, how, and optionally a cron schedule that feeds it. */
export type JobDefinition<T = object> = {
  name: QueueName;
  handler: JobHandler<T>;
  work?: Omit<WorkOptions, 'includeMetadata'>;
  /** Cron expression (UTC); the job is created with empty data on each tick. */
  cron?: string;
};

/** Starts a worker for each definition in this process (once; later calls do nothing). */
export async function startWorkers(definitions: readonly JobDefinition<never>[]): Promise<void> {
  if (globalForQueue.dauysWorkersStarted) return;
  globalForQueue.dauysWorkersStarted = true;
  try {
    const boss = await getQueue();
    for (const definition of definitions) {
      const handler = definition.handler as JobHandler<unknown>;
      await boss.work(definition.name, { ...definition.work, includeMetadata: true }, handler);
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
  const current = globalForQueue.dauysQueue;
  globalForQueue.dauysQueue = undefined;
  globalForQueue.dauysWorkersStarted = false;
  const boss = await current?.catch(() => undefined);
  await boss?.stop({ graceful: options.graceful ?? true, timeout: options.timeoutMs ?? 20_000 });
}

/** For the health check: pg-boss's schema version, read through its own connections. */
export async function queueSchemaVersion(): Promise<number | null> {
  const boss = await getQueue();
  return boss.schemaVersion();
}
