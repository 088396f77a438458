import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bounceAddress } from '@/lib/bounces/return-path';
import { campaignBounceTrend, findCampaignsWithBounces, findRecentBounces, findSuppressedAddresses } from '@/lib/bounces/queries';
import { liftSuppression } from '@/lib/bounces/record-bounce';
import { countAudience } from '@/lib/campaigns/count-audience';
import { runCampaignSender } from '@/lib/campaigns/sender/run-campaign-sender';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { createBulkTransport } from '@/lib/campaigns/transport';
import { db } from '@/lib/db';
import { startUnsubscribeMailbox } from '@/lib/unsubscribe/unsubscribe-mailbox';
import { actorFor } from '@/tests/support/actor';
import { emailIndexOf } from '@/tests/support/personal-data';
import { createCampaign, createOrganizer, createSupporter } from '@/tests/campaigns/helpers/fixtures';
import { startEnvelopeRelay } from './helpers/envelope-relay';

const mailbox = await startUnsubscribeMailbox({ port: 0, host: '127.0.0.1' });
const mta = nodemailer.createTransport({ host: '127.0.0.1', port: mailbox.port, secure: false, ignoreTLS: true });
const relay = await startEnvelopeRelay();

let organizer: { id: string };
let campaignId: string;

afterAll(async () => {
  mta.close();
  await mailbox.stop();
  await relay.stop();
});

const ADDRESSES = ['hard@example.org', 'full@example.org', 'fine@example.org', 'forged@example.org'];

beforeAll(async () => {
  organizer = await createOrganizer();
  for (const email of ADDRESSES) await createSupporter({ email });
  campaignId = await createCampaign(organizer);
  await startCampaign(campaignId, await actorFor(organizer));
  const transport = createBulkTransport({ url: `smtp://127.0.0.1:${relay.port}` });
  try {
    await runCampaignSender({ transport, ratePerSecond: 0, ratePerHour: 0, maxRetryWaitMs: 0 });
  } finally {
    transport.close();
  }
});

/** The return path the relay saw for the campaign mail to `email`. */
function returnPathOf(email: string): string {
  const message = relay.received.find((received) => received.to.includes(email));
  if (!message) throw new Error(`no campaign mail went to ${email}`);
  return message.from;
}

/** A DSN as Postfix writes one (RFC 3464), for one recipient of the original mail. */
function deliveryStatusNotification(options: { to: string; recipient: string; status: string; diagnostic: string }): string {
  const boundary = 'B7C2E1A0.1764500000/mx.example.org';
  return [
    'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
    `To: ${options.to}`,
    'Subject: Undelivered Mail Returned to Sender',
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status;`,
    `\tboundary="${boundary}"`,
    '',
    'This is a MIME-encapsulated message.',
    '',
    `--${boundary}`,
    'Content-Description: Notification',
    'Content-Type: text/plain; charset=us-ascii',
    '',
    'This is the mail system at host mx.example.org.',
    '',
    "I'm sorry to have to inform you that your message could not",
    'be delivered to one or more recipients.',
    '',
    `--${boundary}`,
    'Content-Description: Delivery report',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.org',
    'X-Postfix-Queue-ID: 4F2C81C0A3',
    'Arrival-Date: Mon, 30 Nov 2026 10:00:00 +0500 (+05)',
    '',
    `Final-Recipient: rfc822; ${options.recipient}`,
    `Original-Recipient: rfc822;${options.recipient}`,
    'Action: failed',
    `Status: ${options.status}`,
    'Remote-MTA: dns; in.example.org',
    `Diagnostic-Code: smtp; ${options.diagnostic}`,
    '',
    `--${boundary}`,
    'Content-Description: Undelivered Message Headers',
    'Content-Type: text/rfc822-headers',
    '',
    'From: Dauys <no-reply@dauys.localhost>',
    `To: ${options.recipient}`,
    'Subject: News',
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

async function bounce(returnPath: string, recipient: string, status: string, diagnostic: string) {
  await mta.sendMail({
    envelope: { from: '', to: returnPath },
    raw: deliveryStatusNotification({ to: returnPath, recipient, status, diagnostic }),
  });
}

const supporterOf = async (email: string) => db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf(email) } });

describe('bounces returned to the worker mailbox', () => {
  it('sends campaign mail with a return path that names the recipient row', async () => {
    for (const email of ADDRESSES) expect(returnPathOf(email)).toMatch(/^bounces\+c\d+-[0-9a-f]{16}@dauys\.localhost$/);
    expect(new Set(ADDRESSES.map(returnPathOf)).size).toBe(ADDRESSES.length);
  });

  it('suppresses an address after a hard bounce and keeps the diagnostic without the address', async () => {
    expect(await countAudience({ sources: [{ type: 'updates' }] })).toBe(4);
    await bounce(
      returnPathOf('hard@example.org'),
      'hard@example.org',
      '5.1.1',
      '550 5.1.1 <hard@example.org>: Recipient address rejected: User unknown',
    );

    const supporter = await supporterOf('hard@example.org');
    expect(supporter.bouncedAt).toBeInstanceOf(Date);
    const bounces = await db.mailBounce.findMany({ where: { supporterId: supporter.id } });
    expect(bounces).toMatchObject([{ kind: 'HARD', status: '5.1.1', campaignId, outboundMailId: null }]);
    expect(bounces[0]!.diagnostic).toBe('550 5.1.1 <address>: Recipient address rejected: User unknown');
    expect(await countAudience({ sources: [{ type: 'updates' }] })).toBe(3);
  });

  it('suppresses after the third soft bounce within 30 days, not before', async () => {
    const returnPath = returnPathOf('full@example.org');
    const supporter = await supporterOf('full@example.org');
    for (let count = 1; count <= 3; count++) {
      expect((await db.supporter.findUniqueOrThrow({ where: { id: supporter.id } })).bouncedAt).toBeNull();
      await bounce(returnPath, 'full@example.org', '4.2.2', '452 4.2.2 Mailbox full');
      expect(await db.mailBounce.count({ where: { supporterId: supporter.id, kind: 'SOFT' } })).toBe(count);
    }
    expect((await db.supporter.findUniqueOrThrow({ where: { id: supporter.id } })).bounceReason).toBe(
      'soft bounce 4.2.2: 452 4.2.2 Mailbox full',
    );
    expect(await countAudience({ sources: [{ type: 'updates' }] })).toBe(2);
  });

  it('ignores a notification whose token is forged or belongs to no mail, and refuses other addresses', async () => {
    const genuine = returnPathOf('forged@example.org');
    const tampered = genuine.replace(/-([0-9a-f])/, (_, digit: string) => `-${digit === '0' ? '1' : '0'}`);
    await bounce(tampered, 'forged@example.org', '5.1.1', '550 5.1.1 User unknown');
    // A well-signed token of an outbox row that does not exist.
    await bounce(
      bounceAddress({ kind: 'outbound', outboundMailId: '00000000-0000-4000-8000-000000000000' }),
      'x@example.org',
      '5.1.1',
      '550',
    );
    await expect(
      mta.sendMail({ envelope: { from: '', to: 'postmaster@dauys.localhost' }, raw: 'Subject: x\r\n\r\nx' }),
    ).rejects.toMatchObject({ responseCode: 550 });

    const supporter = await supporterOf('forged@example.org');
    expect(supporter.bouncedAt).toBeNull();
    expect(await db.mailBounce.count({ where: { supporterId: supporter.id } })).toBe(0);
    expect(await db.mailBounce.count({ where: { supporterId: null } })).toBe(0);
  });

  it('records nothing for a message that is not a failure report', async () => {
    const returnPath = returnPathOf('fine@example.org');
    await mta.sendMail({
      envelope: { from: 'someone@example.org', to: returnPath },
      raw: `To: ${returnPath}\r\nSubject: out of office\r\n\r\nAway.`,
    });
    await mta.sendMail({
      envelope: { from: '', to: returnPath },
      raw: deliveryStatusNotification({ to: returnPath, recipient: 'fine@example.org', status: '2.0.0', diagnostic: '250 ok' }),
    });
    expect(await db.mailBounce.count({ where: { supporterId: (await supporterOf('fine@example.org')).id } })).toBe(0);
  });

  it('lists the bounces and suppressed addresses masked for the console, and the campaign trend per day', async () => {
    const suppressed = await findSuppressedAddresses(10);
    expect(suppressed.map((row) => row.to).sort()).toEqual(['f***@e***.org', 'h***@e***.org']);
    expect(JSON.stringify(suppressed)).not.toContain('@example.org');
    const bounces = await findRecentBounces(10);
    expect(bounces).toHaveLength(4);
    expect(bounces.every((row) => row.campaignName === 'Test campaign')).toBe(true);
    expect(JSON.stringify(bounces)).not.toContain('@example.org');
    expect(await findCampaignsWithBounces()).toEqual([{ id: campaignId, name: 'Test campaign' }]);
    const trend = await campaignBounceTrend(campaignId);
    expect(trend).toHaveLength(1);
    expect(trend[0]).toMatchObject({ hard: 1, soft: 3 });
    expect(trend[0]!.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('counts only the soft bounces of the last 30 days', async () => {
    const supporter = await supporterOf('fine@example.org');
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
    await db.mailBounce.createMany({
      data: [31, 45].map((days) => ({
        supporterId: supporter.id,
        campaignId,
        kind: 'SOFT' as const,
        status: '4.2.2',
        createdAt: daysAgo(days),
      })),
    });
    await db.mailBounce.create({ data: { supporterId: supporter.id, campaignId, kind: 'SOFT', status: '4.2.2', createdAt: daysAgo(29) } });
    await bounce(returnPathOf('fine@example.org'), 'fine@example.org', '4.4.7', '421 4.4.7 Message expired');
    expect((await db.supporter.findUniqueOrThrow({ where: { id: supporter.id } })).bouncedAt).toBeNull();
    await bounce(returnPathOf('fine@example.org'), 'fine@example.org', '4.4.7', '421 4.4.7 Message expired');
    expect((await db.supporter.findUniqueOrThrow({ where: { id: supporter.id } })).bouncedAt).toBeInstanceOf(Date);
    await db.supporter.update({ where: { id: supporter.id }, data: { bouncedAt: null, bounceReason: null } });
  });

  it('lets an organizer lift a suppression, audit-logged, and starts the soft count again', async () => {
    const supporter = await supporterOf('full@example.org');
    expect(await liftSuppression({ supporterId: supporter.id }, organizer)).toBe(true);
    expect((await db.supporter.findUniqueOrThrow({ where: { id: supporter.id } })).bouncedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: 'mail.bounce.lift', subjectId: supporter.id, actorId: organizer.id } })).toBe(1);
    expect(await countAudience({ sources: [{ type: 'updates' }] })).toBe(3);
    // Lifting twice changes nothing more.
    expect(await liftSuppression({ supporterId: supporter.id }, organizer)).toBe(false);

    await bounce(returnPathOf('full@example.org'), 'full@example.org', '4.2.2', '452 4.2.2 Mailbox full');
    expect((await db.supporter.findUniqueOrThrow({ where: { id: supporter.id } })).bouncedAt).toBeNull();
  });
});
