import { generateKeyPairSync } from 'node:crypto';
import { actorFor } from '@/tests/support/actor';
import { simpleParser, type ParsedMail } from 'mailparser';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { runCampaignSender } from '@/lib/campaigns/sender/run-campaign-sender';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { createBulkTransport } from '@/lib/campaigns/transport';
import { createCampaign, createOrganizer, createSupporter } from './helpers/fixtures';
import { headerOf, startSmtpSink, type SmtpSink } from './helpers/smtp-sink';

let sink: SmtpSink;
let organizer: { id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  sink = await startSmtpSink();
  organizer = await createOrganizer();
  for (const locale of ['kk', 'ru', 'en'] as const) {
    ids[locale] = (await createSupporter({ email: `${locale}@example.org`, locale })).id;
  }
});
afterAll(() => sink.close());

async function sendCampaign(campaignId: string, transport = createBulkTransport({ url: sink.url })) {
  await startCampaign(campaignId, await actorFor(organizer));
  const before = sink.messages.length;
  const result = await runCampaignSender({ transport, ratePerSecond: 0, ratePerHour: 0 });
  transport.close();
  return { result, messages: sink.messages.slice(before) };
}

describe('campaign mail', () => {
  it('reaches each person in their language, with a plain-text part and no images', async () => {
    const campaignId = await createCampaign(organizer);
    const { result, messages } = await sendCampaign(campaignId);
    expect(result).toMatchObject({ outcome: 'idle', sent: 3, failed: 0 });
    const byRecipient: Record<string, ParsedMail> = Object.fromEntries(
      await Promise.all(messages.map(async (m) => [m.to[0], await simpleParser(m.raw)] as const)),
    );
    expect(byRecipient['kk@example.org']!.subject).toBe('Жаңалық');
    expect(byRecipient['ru@example.org']!.subject).toBe('Новость');
    expect(byRecipient['en@example.org']!.subject).toBe('News');
    expect(byRecipient['kk@example.org']!.html).toContain('<strong>Маңызды</strong>');
    expect(byRecipient['kk@example.org']!.html).toContain('Жазылудан бас тарту');
    expect(byRecipient['ru@example.org']!.text).toContain('Важная');
    expect(byRecipient['ru@example.org']!.text).toContain('Отписаться');
    expect(byRecipient['en@example.org']!.text).toContain('Important');
    for (const parsed of Object.values(byRecipient)) expect(parsed.html).not.toMatch(/<img/i);

    const campaign = await db.emailCampaign.findUniqueOrThrow({ where: { id: campaignId } });
    expect(campaign).toMatchObject({ status: 'SENT', sentCount: 3, failedCount: 0, recipientCount: 3 });
    expect(await db.campaignRecipient.count({ where: { campaignId, status: 'SENT', messageId: { not: null } } })).toBe(3);
  });

  it('carries RFC 8058 one-click unsubscribe, a stable Message-ID and an idempotency key', async () => {
    const campaignId = await createCampaign(organizer, {
      subject: { ru: 'Новость', kk: '', en: '' },
      body: { ru: 'Текст', kk: '', en: '' },
    });
    const { messages } = await sendCampaign(campaignId);
    const mail = messages.find((m) => m.to[0] === 'kk@example.org')!;
    const listUnsubscribe = headerOf(mail.raw, 'List-Unsubscribe')!;
    expect(listUnsubscribe).toMatch(/^<https?:\/\/[^>]+\/api\/unsubscribe\?token=[^>]+>, <mailto:[^>]+>$/);
    expect(headerOf(mail.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(headerOf(mail.raw, 'Message-ID')).toBe(`<c.${campaignId}.${ids.kk}@dauys.localhost>`);
    expect(headerOf(mail.raw, 'X-Dauys-Idempotency-Key')).toBe(`${campaignId}:${ids.kk}`);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.text).toContain('Текст');
    // The body links to the unsubscribe page (which asks first) and the subscriptions page, with
    // the same per-recipient token as the header; headers differ between recipients.
    const token = /token=([^>&]+)>/.exec(listUnsubscribe)![1]!;
    expect(parsed.html).toContain(`/ru/unsubscribe?token=${token}`);
    expect(parsed.html).toContain(`/ru/subscriptions?token=${token}`);
    expect(parsed.text).toContain(`/ru/unsubscribe?token=${token}`);
    const other = messages.find((m) => m.to[0] === 'en@example.org')!;
    expect(headerOf(other.raw, 'List-Unsubscribe')).not.toBe(listUnsubscribe);
    expect(parsed.subject).toBe('Новость'); // Kazakh missing: Russian
  });

  it('uses the neutral sender name and the subject prefix when asked', async () => {
    const campaignId = await createCampaign(organizer, { useNeutralSender: true, subjectPrefix: '[Инфо]' });
    const { messages } = await sendCampaign(campaignId);
    const ru = await simpleParser(messages.find((m) => m.to[0] === 'ru@example.org')!.raw);
    expect(ru.from?.value[0]).toEqual({ name: 'Информационная рассылка', address: 'no-reply@dauys.localhost' });
    expect(ru.subject).toBe('[Инфо] Новость');
    const en = await simpleParser(messages.find((m) => m.to[0] === 'en@example.org')!.raw);
    expect(en.from?.value[0]?.name).toBe('Newsletter');
  });

  it('signs with DKIM when a key is configured, verifiable by a real verifier', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const transport = createBulkTransport({
      url: sink.url,
      dkim: {
        domainName: 'dauys.localhost',
        keySelector: 'mail',
        privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      },
    });
    const campaignId = await createCampaign(organizer);
    const { messages } = await sendCampaign(campaignId, transport);
    const resolver = async (name: string, type: string) => {
      if (name === 'mail._domainkey.dauys.localhost' && type === 'TXT') return [[`v=DKIM1; k=rsa; p=${publicDer}`]];
      throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
    };
    const raw = messages[0]!.raw;
    expect(headerOf(raw, 'DKIM-Signature')).toMatch(/d=dauys\.localhost; .*s=mail/);
    const verified = await dkimVerify(Buffer.from(raw), { resolver });
    expect(verified.results[0]?.status.result).toBe('pass');
    // The subject is a signed header: changing it must break the signature.
    const tampered = await dkimVerify(Buffer.from(raw.replace(/^Subject: /m, 'Subject: Re: ')), { resolver });
    expect(tampered.results[0]?.status.result).not.toBe('pass');
  });
});
