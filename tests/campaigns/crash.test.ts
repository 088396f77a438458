import { spawn, type ChildProcess } from 'node:child_process';
import { actorFor } from '@/tests/support/actor';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { keyring } from '@/lib/security/personal-data';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { createCampaign, createOrganizer } from './helpers/fixtures';
import { headerOf, startSmtpSink, type SmtpSink } from './helpers/smtp-sink';
import { waitFor } from './helpers/wait';

const PEOPLE = 4000;
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
  const keys = await keyring();
  const numbers = Array.from({ length: PEOPLE }, (_, index) => index + 1);
  const emails = numbers.map((n) => `crash-${n}@example.org`);
  await db.$executeRaw`
    INSERT INTO "Supporter" (id, "emailIndex", "emailSealed", locale, "updatedAt")
    SELECT 'crash-' || v.n, v.ix, v.sealed, (ARRAY['kk','ru','en'])[1 + v.n % 3]::"Locale", now()
      FROM unnest(${numbers}::int[], ${emails.map((email) => keys.emailIndex(email))}::text[],
                  ${emails.map((email) => keys.seal('email', email))}::text[]) AS v(n, ix, sealed)`;
  await db.$executeRaw`
    INSERT INTO "Consent" (id, "supporterId", purpose, "textVersion", action)
    SELECT 'consent-' || id, id, 'updates', 'test-1', 'test' FROM "Supporter" WHERE id LIKE 'crash-%'`;
});
afterAll(() => sink.close());

function startSender(): { child: ChildProcess; done: Promise<{ code: number | null; output: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'helpers/sender-child.ts')], {
    env: { ...process.env, SINK_URL: sink.url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  return { child, done };
}

const keysOf = (s: SmtpSink) => s.messages.map((m) => headerOf(m.raw, 'X-Dauys-Idempotency-Key')!);

describe('a sender killed mid-campaign', () => {
  it('three SIGKILLs: nobody lost, duplicates no more than the mails in flight at each crash', async () => {
    const organizer = await createOrganizer();
    const campaignId = await createCampaign(organizer);
    expect(await startCampaign(campaignId, await actorFor(organizer))).toBe(PEOPLE);

    let inFlightAtCrashes = 0;
    for (const threshold of [400, 1500, 2600]) {
      const { child, done } = startSender();
      let exited = false;
      void done.then(() => (exited = true));
      await waitFor(() => exited || sink.messages.length >= threshold, 60_000);
      expect(exited).toBe(false);
      child.kill('SIGKILL');
      const { code } = await done;
      expect(code).toBeNull(); // killed, not finished
      expect(new Set(keysOf(sink)).size).toBeLessThan(PEOPLE);
      // The process is gone: rows still SENDING are exactly those it had in flight.
      inFlightAtCrashes += await db.campaignRecipient.count({ where: { campaignId, status: 'SENDING' } });
    }

    for (let attempt = 0; attempt < 20; attempt += 1) {
      const { output } = await startSender().done;
      // PostgreSQL may take a moment to notice the dead session and free the sender lock.
      if (JSON.parse(output).outcome !== 'locked') break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }

    const keys = keysOf(sink);
    const unique = new Set(keys);
    expect(unique.size).toBe(PEOPLE);
    const duplicates = keys.length - unique.size;
    expect(inFlightAtCrashes).toBeGreaterThan(0);
    expect(duplicates).toBeLessThanOrEqual(inFlightAtCrashes);
    expect(await db.campaignRecipient.count({ where: { campaignId, status: 'SENT' } })).toBe(PEOPLE);
    expect((await db.emailCampaign.findUniqueOrThrow({ where: { id: campaignId } })).status).toBe('SENT');
    console.info(`[crash test] in flight at the 3 crashes: ${inFlightAtCrashes}; duplicates delivered: ${duplicates}`);
  }, 180_000);
});
