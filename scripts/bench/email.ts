/**
 * `npm run bench:email`: sends a campaign to 150,000 demo supporters through the real pipeline
 * (ledger, claims, rendering cache, pooled SMTP) into a local SMTP sink that discards, with no
 * throttle, on its own embedded PostgreSQL; then a bare pooled nodemailer loop into the same sink.
 * Prints rates, the ratio and the sending processes' peak memory. Asserts nothing.
 * BENCH_EMAIL_COUNT / BENCH_BARE_COUNT change the sizes. Both sending processes run with
 * BENCH_NODE_FLAGS (default --max-old-space-size=96: their live heap is ~50 MB, and without a cap
 * V8 lets garbage pile up to ~150 MB before collecting).
 */
import { fork, spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../lib/embedded-postgres';
import { newMasterKey } from '../../lib/security/keyring';
import { freePort } from '../lib/free-port';
import { applyMigrationsAndPendingSchema } from '../lib/migration-engine';

const ROOT = path.resolve(__dirname, '../..');
const COUNT = Number(process.env.BENCH_EMAIL_COUNT ?? 150_000);
const BARE_COUNT = Number(process.env.BENCH_BARE_COUNT ?? COUNT);
const DATA_DIR = path.join(ROOT, '.data/bench-email');

type ChildResult = {
  sent: number;
  seconds: number;
  maxRssKb: number;
  cpuSeconds: number;
  outcome?: string;
  failed?: number;
  retried?: number;
};

function runTs(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...(process.env.BENCH_NODE_FLAGS ?? '--max-old-space-size=96').split(' ').filter(Boolean),
        '--import',
        'tsx',
        path.join(__dirname, 'email', script),
        ...args,
      ],
      {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(output.trim().split('\n').pop()!)) : reject(new Error(`${script} exited ${code}`)),
    );
  });
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  console.log(`  ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

async function main() {
  console.log(`Mass email benchmark: ${COUNT.toLocaleString('en')} recipients, ${os.cpus().length} cores, Node ${process.version}`);
  await rm(DATA_DIR, { recursive: true, force: true });
  const postgres = await startEmbeddedPostgres({ dataDir: DATA_DIR, port: await freePort(), database: 'bench_email' });
  const sink = fork(path.join(__dirname, 'email/discard-sink.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  try {
    await applyMigrationsAndPendingSchema(postgres.url);
    process.env.DATABASE_URL = postgres.url;
    process.env.AUTH_SECRET ??= 'bench-secret-that-is-long-enough-for-hmac-signing';
    process.env.DAUYS_MASTER_KEY ??= newMasterKey();
    const { db } = await import('@/lib/db');
    const { keyring } = await import('@/lib/security/personal-data');
    const { saveCampaign } = await import('@/lib/campaigns/save-campaign');
    const { startCampaign } = await import('@/lib/campaigns/start-campaign');
    const { renderCampaignMessage } = await import('@/lib/campaigns/render-campaign-message');

    await timed('demo supporters (sealed) and consents (bulk SQL)', async () => {
      const keys = await keyring();
      for (let first = 1; first <= COUNT; first += 10_000) {
        const numbers = Array.from({ length: Math.min(10_000, COUNT - first + 1) }, (_, index) => first + index);
        const emails = numbers.map((n) => `bench-${n}@example.org`);
        await db.$executeRaw`
          INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", "nameSealed", locale, region, "updatedAt")
          SELECT 'bench-' || v.n, v.ix, v.email, v.name,
                 (ARRAY['kk','ru','en'])[1 + v.n % 3]::"Locale", (ARRAY['ALMATY','ASTANA','SHYMKENT'])[1 + v.n % 3]::"Region", now()
            FROM unnest(${numbers}::int[], ${emails.map((email) => keys.emailIndex(email))}::text[],
                        ${emails.map((email) => keys.seal('email', email))}::text[],
                        ${numbers.map((n) => keys.seal('name', `Demo supporter ${n}`))}::text[]) AS v(n, ix, email, name)`;
      }
      await db.$executeRaw`
        INSERT INTO "Consent" (id, "supporterId", purpose, "textVersion", action)
        SELECT 'bench-consent-' || n, 'bench-' || n, 'updates', 'demo-1', 'bench' FROM generate_series(1, ${COUNT}) AS n`;
    });
    const organizer = await db.user.create({ data: { email: 'bench@dauys.localhost', role: 'ADMIN' } });
    const body =
      '## 16 күн / 16 дней / 16 Days\n\nDemo campaign text with a [link](https://example.org/petition) and **bold** words.\n\n'.repeat(6);
    const content = { kk: body, ru: body, en: body };
    const campaignId = await saveCampaign(
      {
        name: 'Benchmark (demo)',
        subject: { kk: 'Жаңалық', ru: 'Новость', en: 'News' },
        body: content,
        audience: { sources: [{ type: 'updates' }] },
      },
      organizer,
    );
    const recipients = await timed('materialise the audience into the ledger (one INSERT … SELECT)', () =>
      startCampaign(campaignId, { scheduledBy: organizer.id }),
    );

    const port = await new Promise<number>((resolve) => sink.once('message', (m: { port: number }) => resolve(m.port)));
    const smtpUrl = `smtp://127.0.0.1:${port}`;
    const sample = await renderCampaignMessage({ subject: { ru: 'Новость' }, body: content }, 'ru');
    const sampleFile = path.join(DATA_DIR, 'sample.json');
    await writeFile(
      sampleFile,
      JSON.stringify({ html: sample.html.replace('Demo', 'Demo __N__'), text: sample.text.replace('Demo', 'Demo __N__') }),
    );
    await db.$disconnect();

    console.log('  sending the campaign through the real pipeline…');
    const campaign = await runTs('campaign-sender.ts', [smtpUrl], { ...process.env });
    console.log('  bare pooled nodemailer loop…');
    const bare = await runTs('bare-loop.ts', [smtpUrl, String(BARE_COUNT), sampleFile], { ...process.env });
    const received = await new Promise<number>((resolve) => {
      sink.once('message', (m: { count: number }) => resolve(m.count));
      sink.send({ type: 'count' });
    });

    const { db: check } = await import('@/lib/db');
    const sentRows = await check.campaignRecipient.count({ where: { campaignId, status: 'SENT' } });
    await check.$disconnect();
    const campaignRate = campaign.sent / campaign.seconds;
    const bareRate = bare.sent / bare.seconds;
    const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
    console.log('');
    console.log(`| what | result | target |`);
    console.log(`|---|---|---|`);
    console.log(`| recipients in the ledger / SENT | ${recipients.toLocaleString('en')} / ${sentRows.toLocaleString('en')} | all |`);
    console.log(
      `| campaign through the pipeline | ${campaign.sent.toLocaleString('en')} in ${campaign.seconds.toFixed(1)} s = **${campaignRate.toFixed(0)} mails/s** | ≥ 500/s |`,
    );
    console.log(
      `| bare pooled nodemailer loop | ${bare.sent.toLocaleString('en')} in ${bare.seconds.toFixed(1)} s = ${bareRate.toFixed(0)} mails/s | — |`,
    );
    console.log(`| ratio pipeline / bare | **${(campaignRate / bareRate).toFixed(2)}** | ≥ 0.8 |`);
    console.log(`| peak RSS, sending process (pipeline) | **${mb(campaign.maxRssKb)}** | < 300 MB |`);
    console.log(`| peak RSS, bare loop process | ${mb(bare.maxRssKb)} | — |`);
    const cpuMs = (r: ChildResult) => ((r.cpuSeconds * 1000) / r.sent).toFixed(2);
    console.log(`| CPU per mail, sending process: pipeline / bare | ${cpuMs(campaign)} ms / ${cpuMs(bare)} ms | — |`);
    console.log(`| messages the sink received | ${received.toLocaleString('en')} | ${(campaign.sent + bare.sent).toLocaleString('en')} |`);
  } finally {
    sink.kill();
    await postgres.stop();
    await rm(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
