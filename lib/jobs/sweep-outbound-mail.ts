import { requeueStalledMail } from '@/lib/mailer';

/** Runs every minute: queues again mail whose job was lost (crash between commit and pick-up, a wiped queue). */
export async function handleSweepOutboundMailJobs(): Promise<void> {
  const { requeued, expired } = await requeueStalledMail();
  if (requeued || expired) console.info(`[mail] sweeper re-queued ${requeued}, expired ${expired}`);
}
