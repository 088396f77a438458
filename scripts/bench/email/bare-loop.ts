/**
 * The baseline: a bare pooled nodemailer loop, no database, one pre-built message per recipient
 * with the same size and headers as a campaign mail. Usage: bare-loop.ts <smtpUrl> <count> <htmlFile>
 */
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import { noDelaySocket } from '@/lib/smtp-transport';

async function main() {
  const [url, countArg, htmlFile] = process.argv.slice(2);
  const count = Number(countArg);
  const { html, text } = JSON.parse(readFileSync(htmlFile!, 'utf8')) as { html: string; text: string };
  const transport = nodemailer.createTransport({
    ...parseConnectionUrl(url!),
    pool: true,
    maxConnections: 8,
    maxMessages: Infinity,
    // Same socket option as the pipeline (see lib/campaigns/transport.ts), so the ratio compares like with like.
    getSocket: noDelaySocket,
  } as never);
  const window = 750;
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      const i = next++;
      await transport.sendMail({
        from: 'Dauys <no-reply@dauys.localhost>',
        to: `bare-${i}@example.org`,
        subject: 'Бенчмарк',
        html: html.replace('__N__', String(i)),
        text: text.replace('__N__', String(i)),
        messageId: `<bare.${i}@dauys.localhost>`,
        list: { unsubscribe: [[`http://localhost:3000/api/unsubscribe?token=bare-${i}`, 'mailto:unsubscribe@dauys.localhost']] },
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'X-Dauys-Idempotency-Key': `bare:${i}` },
      });
    }
  }
  await Promise.all(Array.from({ length: window }, worker));
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  process.stdout.write(
    `${JSON.stringify({ sent: count, seconds, maxRssKb: process.resourceUsage().maxRSS, cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6 })}\n`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
