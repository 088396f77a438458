/**
 * The real pipeline's sending process for the benchmark: runCampaignSender with no throttle.
 * Usage (DATABASE_URL set): campaign-sender.ts <smtpUrl>
 */
import { runCampaignSender } from '@/lib/campaigns/sender/run-campaign-sender';
import { createBulkTransport } from '@/lib/campaigns/transport';
import { db } from '@/lib/db';

async function main() {
  const transport = createBulkTransport({ url: process.argv[2] });
  const started = performance.now();
  const sampler = process.env.BENCH_MEM_TRACE
    ? setInterval(() => {
        const m = process.memoryUsage();
        console.error(
          `rss ${(m.rss / 1048576).toFixed(0)} heapTotal ${(m.heapTotal / 1048576).toFixed(0)} heapUsed ${(m.heapUsed / 1048576).toFixed(0)} external ${(m.external / 1048576).toFixed(0)} ab ${(m.arrayBuffers / 1048576).toFixed(0)}`,
        );
      }, 2000)
    : undefined;
  const result = await runCampaignSender({
    transport,
    ratePerSecond: 0,
    ratePerHour: 0,
    maxRunMs: 30 * 60_000,
    // Tuning knobs for experiments; the defaults are the production ones.
    batchSize: process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined,
    lanes: process.env.BENCH_LANES ? Number(process.env.BENCH_LANES) : undefined,
  });
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  transport.close();
  await db.$disconnect();
  process.stdout.write(
    `${JSON.stringify({ ...result, seconds, maxRssKb: process.resourceUsage().maxRSS, cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6 })}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
