import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from './helpers/smtp-sink';
import { waitFor } from './helpers/wait';

// The organizer's test of a draft goes through the outbox like every other mail: an OutboundMail row
// per language, delivered by the mail.send worker, listed on the mail health page if it fails.
const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
process.env.MAIL_FROM = 'Dauys <no-reply@dauys.test>';
process.env.APP_URL = 'https://dauys.test';

const { db } = await import('@/lib/db');
const { sendCampaignTestMail } = await import('@/lib/campaigns/send-campaign-test-mail');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');
const { BODY, createOrganizer, SUBJECT } = await import('./helpers/fixtures');
const { openedOutbox } = await import('@/tests/support/personal-data');

beforeAll(() => registerWorkers());
afterAll(async () => {
  await unregisterWorkers();
  await sink.close();
  await db.$disconnect();
});

describe('a campaign test mail', () => {
  it('is queued in every written language to the organizer only, and delivered as the campaign will look', async () => {
    const organizer = await createOrganizer('tester@example.org');
    const draft = {
      name: 'Spring news',
      subject: { en: SUBJECT.en, ru: SUBJECT.ru, kk: '' },
      body: { en: BODY.en, ru: BODY.ru, kk: '' },
      subjectPrefix: '[Dauys]',
      useNeutralSender: true,
      audience: { sources: [{ type: 'updates' as const }] },
    };
    expect(await sendCampaignTestMail(draft, organizer)).toBe(2);

    const rows = await openedOutbox({ template: 'campaign-test' }, { orderBy: { locale: 'asc' } });
    expect(rows.map((row) => [row.locale, row.toAddress, row.subject])).toEqual([
      ['ru', 'tester@example.org', '[Тест] [Dauys] Новость'],
      ['en', 'tester@example.org', '[Test] [Dauys] News'],
    ]);
    await waitFor(async () => (await db.outboundMail.count({ where: { template: 'campaign-test', status: 'SENT' } })) === 2);

    const mails = await Promise.all(sink.messages.map((message) => simpleParser(message.raw)));
    const english = mails.find((mail) => mail.subject === '[Test] [Dauys] News')!;
    expect(english.from?.value).toEqual([{ name: 'Newsletter', address: 'no-reply@dauys.test' }]);
    expect(english.html).toContain('<strong>Important</strong>');
    // Footer links point at the site without a token: nobody is unsubscribed by a test.
    expect(english.html).toContain('href="https://dauys.test/en/unsubscribe"');
    expect(english.html).toContain('href="https://dauys.test/en/subscriptions"');
    expect(sink.messages.flatMap((message) => message.to)).toEqual(['tester@example.org', 'tester@example.org']);

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'campaign.test-send' } });
    expect(audit).toMatchObject({ actorId: organizer.id, details: { name: 'Spring news', languages: ['ru', 'en'] } });
  });
});
