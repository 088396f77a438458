import type { z } from 'zod';
import { campaignSendJob, campaignTickJob } from '@/lib/campaigns/jobs';
import { eventsMailJob, eventsRemindersJob } from '@/lib/events/jobs';
import { importsRunJob } from '@/lib/imports/jobs';
import { housekeepingJob } from '@/lib/jobs/housekeeping';
import { mailSendJob } from '@/lib/jobs/send-mail';
import { mailSweepJob } from '@/lib/jobs/sweep-outbound-mail';
import { petitionMailJob, petitionMaintenanceJob, petitionNotifyJob } from '@/lib/petitions/jobs';
import { reformsDigestJob, reformsFanOutJob } from '@/lib/reforms/jobs';

/**
 * Every background job of the app (docs/conventions.md, Jobs). Each queue is created from this
 * list, and the web server (instrumentation.ts, WORKER_IN_PROCESS) and `npm run worker` work it.
 */
export const JOBS = [
  mailSendJob,
  mailSweepJob,
  housekeepingJob,
  petitionMailJob,
  petitionMaintenanceJob,
  petitionNotifyJob,
  eventsMailJob,
  eventsRemindersJob,
  campaignSendJob,
  campaignTickJob,
  reformsFanOutJob,
  reformsDigestJob,
  importsRunJob,
] as const;

type Job = (typeof JOBS)[number];

export type JobName = Job['name'];

/** What `enqueue(name, data)` takes for a job: its payload schema's input. */
export type JobPayload<N extends JobName> = z.input<Extract<Job, { name: N }>['payload']>;
