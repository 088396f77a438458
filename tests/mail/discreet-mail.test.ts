import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, describe, expect, it } from 'vitest';
import { startSmtpSink } from '../campaigns/helpers/smtp-sink';
import { waitFor } from '../campaigns/helpers/wait';

// A deployment whose own name says what it is about, with discreet mail left at its default (on).
// lib/env reads the environment once, on first import: configure before importing the app.
const sink = await startSmtpSink();
process.env.SMTP_URL = sink.url;
process.env.MAIL_FROM = 'Stop domestic violence <no-reply@dauys.test>';
process.env.APP_URL = 'https://dauys.test';
delete process.env.DAUYS_DISCREET_MAIL;

const { db } = await import('@/lib/db');
const { actorFor } = await import('@/tests/support/actor');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');
const { setDiscreetMail } = await import('@/lib/mailer/discreet-mail');
const { sendSignatureMails } = await import('@/lib/petitions/send-signature-mails');
const { signPetition } = await import('@/lib/petitions/sign-petition');
const { signer } = await import('../petitions/fixtures');
const { openedOutbox } = await import('@/tests/support/personal-data');

await registerWorkers();

afterAll(async () => {
  await unregisterWorkers();
  await sink.close();
  await db.$disconnect();
});

const TITLE = {
  kk: 'Тұрмыстық зорлық-зомбылықты қылмыс деп тану',
  ru: 'Криминализировать домашнее насилие',
  en: 'Criminalise domestic violence',
};

async function signAndReceive(slug: string, email: string): Promise<ParsedMail> {
  await signPetition(slug, signer(email), { clientAddress: '203.0.113.7' });
  await sendSignatureMails();
  await waitFor(() => sink.messages.some((message) => message.to.includes(email)));
  return simpleParser(sink.messages.find((message) => message.to.includes(email))!.raw);
}

describe('a signature confirmation through the outbox and SMTP', () => {
  it('arrives with a neutral subject, sender name and preview, and names the petition only inside', async () => {
    const petition = await db.petition.create({
      data: {
        slug: 'criminalise',
        title: TITLE,
        summary: TITLE,
        body: TITLE,
        addressee: TITLE,
        goal: 1000,
        milestones: [],
        status: 'OPEN',
      },
    });

    const mail = await signAndReceive(petition.slug, 'discreet@example.org');
    expect(mail.subject).toBe('Please confirm your email');
    expect(mail.from?.value).toEqual([{ name: 'Notifications', address: 'no-reply@dauys.test' }]);
    expect(mail.html).toContain('Open this message to read it.');
    expect(mail.html).not.toContain('One step left: confirm your signature.');
    expect(mail.text).toContain(`signed the petition “${TITLE.en}”`);
    const [row] = await openedOutbox({}, { to: 'discreet@example.org' });
    expect(row!.subject).toBe('Please confirm your email');

    // An admin turns it off: the next mail names the petition and comes from the deployment's name.
    const admin = await db.user.create({ data: { email: 'admin@dauys.test', role: 'ADMIN' } });
    await setDiscreetMail({ discreet: false }, await actorFor(admin));
    const plain = await signAndReceive(petition.slug, 'plain@example.org');
    expect(plain.subject).toBe(`Confirm your signature: ${TITLE.en}`);
    expect(plain.from?.value).toEqual([{ name: 'Stop domestic violence', address: 'no-reply@dauys.test' }]);
    expect(plain.html).toContain('One step left: confirm your signature.');
  });
});
