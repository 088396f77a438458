import { emailIndexOf } from '@/tests/support/personal-data';
import { actorFor } from '@/tests/support/actor';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { countAudience } from '@/lib/campaigns/count-audience';
import { MAX_ATTEMPTS } from '@/lib/campaigns/sender/ledger';
import { runCampaignSender } from '@/lib/campaigns/sender/run-campaign-sender';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { createBulkTransport } from '@/lib/campaigns/transport';
import { createCampaign, createOrganizer, createSupporter } from './helpers/fixtures';
import { startSmtpSink, type SmtpSink } from './helpers/smtp-sink';

let sink: SmtpSink;
let organizer: { id: string };
const refusals = new Map<string, number>();

beforeAll(async () => {
  sink = await startSmtpSink({
    replyTo(address) {
      const seen = (refusals.get(address) ?? 0) + 1;
      refusals.set(address, seen);
      if (address.startsWith('greylisted') && seen <= 2) return { code: 451, message: '4.7.1 Greylisted, try again later' };
      if (address.startsWith('always-busy')) return { code: 452, message: '4.2.2 Mailbox full' };
      if (address.startsWith('nobody')) return { code: 550, message: '5.1.1 No such user here' };
      return null;
    },
  });
  organizer = await createOrganizer();
  for (const email of ['ok-1@example.org', 'ok-2@example.org', 'greylisted@example.org', 'always-busy@example.org', 'nobody@example.org']) {
    await createSupporter({ email });
  }
});
afterAll(() => sink.close());

async function sendOnce() {
  const transport = createBulkTransport({ url: sink.url });
  try {
    return await runCampaignSender({ transport, ratePerSecond: 0, ratePerHour: 0, maxRetryWaitMs: 0 });
  } finally {
    transport.close();
  }
}

/** Lets the clock "pass" the backoff of every waiting row. */
const makeRetriesDue = () =>
  db.$executeRaw`UPDATE "CampaignRecipient" SET "nextAttemptAt" = now() - interval '1 second' WHERE status = 'PENDING'`;

const rowOf = async (campaignId: string, email: string) =>
  db.campaignRecipient.findFirstOrThrow({ where: { campaignId, supporter: { emailIndex: await emailIndexOf(email) } } });

describe('SMTP failures', () => {
  it('retries temporary failures with backoff and suppresses permanent ones everywhere', async () => {
    const campaignId = await createCampaign(organizer);
    await startCampaign(campaignId, await actorFor(organizer));

    const first = await sendOnce();
    expect(first).toMatchObject({ outcome: 'retries-later', sent: 2, failed: 1, retried: 2 });
    const greylisted = await rowOf(campaignId, 'greylisted@example.org');
    expect(greylisted).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(greylisted.lastError).toContain('451');
    expect(greylisted.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 20_000);

    const nobody = await rowOf(campaignId, 'nobody@example.org');
    expect(nobody.status).toBe('FAILED');
    expect(nobody.lastError).toContain('550 5.1.1 No such user here');
    const bounced = await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf('nobody@example.org') } });
    expect(bounced.bouncedAt).not.toBeNull();
    expect(bounced.bounceReason).toContain('No such user');

    // Backoff grows: the second wait is longer than the first.
    await makeRetriesDue();
    await sendOnce();
    const again = await rowOf(campaignId, 'greylisted@example.org');
    expect(again).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(again.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 50_000);

    for (let round = 2; round < MAX_ATTEMPTS; round += 1) {
      await makeRetriesDue();
      await sendOnce();
    }
    expect(await rowOf(campaignId, 'greylisted@example.org')).toMatchObject({ status: 'SENT', attempts: 3 });
    const busy = await rowOf(campaignId, 'always-busy@example.org');
    expect(busy).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS });
    expect(busy.lastError).toContain('452');
    // A temporary failure, however persistent, does not mark the address bounced.
    expect(
      (await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf('always-busy@example.org') } })).bouncedAt,
    ).toBeNull();

    const campaign = await db.emailCampaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(campaign).toMatchObject({ status: 'SENT', sentCount: 3, failedCount: 2 });
    const delivered = sink.messages.map((m) => m.to[0]).sort();
    expect(delivered).toEqual(['greylisted@example.org', 'ok-1@example.org', 'ok-2@example.org']);
  });

  it('leaves a bounced address out of every later campaign', async () => {
    expect(await countAudience({ sources: [{ type: 'updates' }] })).toBe(4);
    const campaignId = await createCampaign(organizer);
    await startCampaign(campaignId, await actorFor(organizer));
    expect(
      await db.campaignRecipient.count({ where: { campaignId, supporter: { emailIndex: await emailIndexOf('nobody@example.org') } } }),
    ).toBe(0);
  });
});
