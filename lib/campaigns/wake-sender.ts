import { enqueue } from '@/lib/queue';

/** Asks a worker to run the campaign sender now (at most one run plus one queued wake-up exist). */
export async function wakeCampaignSender(): Promise<void> {
  await enqueue('campaigns.send', {});
}
