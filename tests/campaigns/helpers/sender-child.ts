/*
 * A campaign sender in its own process, so a test can SIGKILL it mid-campaign.
 * Run as: node --import tsx tests/campaigns/helpers/sender-child.ts (DATABASE_URL and SINK_URL set).
 */
import { runCampaignSender } from '@/lib/campaigns/sender/run-campaign-sender';
import { createBulkTransport } from '@/lib/campaigns/transport';
import { db } from '@/lib/db';

async function main() {
  const transport = createBulkTransport({ url: process.env.SINK_URL });
  const result = await runCampaignSender({ transport, ratePerSecond: 0, ratePerHour: 0 });
  transport.close();
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
