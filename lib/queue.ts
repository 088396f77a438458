import { PgBoss, fromPrisma, type JobInsert, type JobWithMetadata, type Queue, type SendOptions, type WorkOptions } from 'pg-boss';
import { env, requireDatabaseUrl } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';

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

/** Temporary SMTP failures: up to 5 retries, waiting MAIL_RETRY_DELAY_SECONDS and doubling (at most 1 hour). */
export const MAIL_RETRY_OPTIONS = {
  retryLimit: 5,
  retryDelay: env.MAIL_RETRY_DELAY_SECONDS,
  retryBackoff: true,
  retryDelayMax: 3600,
} as const satisfies SendOptions;

/** Every queue with its defaults; created at start, since v10 a queue must exist before send/work. */
const QUEUE_SETTINGS: Record<QueueName, Omit<Queue, 'name'>> = {
  // exclusive + singletonKey = OutboundMail id: at most one queued or active job per message, so
  // the sweeper can re-enqueue a row whose job was lost without ever doubling one that exists.
  [QUEUES.mailSend]: { policy: 'exclusive', ...MAIL_RETRY_OPTIONS, expireInSeconds: 120, deleteAfterSeconds: 24 * 3600 },
  [QUEUES.mailSweep]: { policy: 'exclusive', retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 3600 },
  [QUEUES.housekeeping]: { policy: 'exclusive', retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 24 * 3600 },
  // stately: one queued + one running, so a nudge during a run still gets the newest signatures mailed.
  [QUEUES.petitionMail]: { policy: 'stately', retryLimit: 3, expireInSeconds: 600, deleteAfterSeconds: 3600 },
  [QUEUES.petitionMaintenance]: { policy: 'exclusive', retryLimit: 0, expireInSeconds: 600, deleteAfterSeconds: 3600 },
  [QUEUES.petitionNotify]: { policy: 'standard', retryLimit: 3, expireInSeconds: 900, deleteAfterSeconds: 7 * 24 * 3600 },
  // stately: RSVP mails, change notices; nudged after each change and every minute (rows say what is owed).
  [QUEUES.eventsMail]: { policy: 'stately', retryLimit: 3, expireInSeconds: 600, deleteAfterSeconds: 3600 },
  [QUEUES.eventsReminders]: { policy: 'exclusive', retryLimit: 2, expireInSeconds: 600, deleteAfterSeconds: 3600 },
  // stately: one sender run at a time plus one queued wake-up (docs/decisions/0005-campaign-sending.md).
  [QUEUES.campaignSend]: { policy: 'stately', retryLimit: 0, expireInSeconds: 900, deleteAfterSeconds: 3600 },
  [QUEUES.campaignTick]: { policy: 'exclusive', retryLimit: 0, expireInSeconds: 300, deleteAfterSeconds: 3600 },
  // short: one queued run per stage (singletonKey), any number active; the ledger makes overlaps safe.
  [QUEUES.reformsFanOut]: { policy: 'short', retryLimit: 3, expireInSeconds: 1800, deleteAfterSeconds: 24 * 3600 },
  [QUEUES.reformsDigest]: { policy: 'exclusive', retryLimit: 3, retryDelay: 60, expireInSeconds: 3600, deleteAfterSeconds: 7 * 24 * 3600 },
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
  });
  boss.on('error', (error) => console.error('[queue]', error));
  await boss.start();
  for (const [name, settings] of Object.entries(QUEUE_SETTINGS)) {
    await boss.createQueue(name, settings);
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
