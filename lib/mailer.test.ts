import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';

// A real SMTP server on loopback. Recipients steer it: "flaky-…" gets 451 on the first try,
// "reject-…" always gets 550; everyone else is accepted.
const received: { to: string[]; raw: Buffer }[] = [];
const rcptAttempts = new Map<string, number>();
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onRcptTo(address, _session, callback) {
    const count = (rcptAttempts.get(address.address) ?? 0) + 1;
    rcptAttempts.set(address.address, count);
    if (address.address.startsWith('flaky-') && count === 1) {
      return callback(Object.assign(new Error('Greylisted, try again later'), { responseCode: 451 }));
    }
    if (address.address.startsWith('reject-')) {
      return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));

// lib/env reads the environment once, on first import: configure before importing the app.
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
process.env.MAIL_RETRY_DELAY_SECONDS = '1';
process.env.MAIL_FROM = 'Dauys <no-reply@dauys.test>';
process.env.APP_URL = 'https://dauys.test';

const { db } = await import('@/lib/db');
const { sendMail, requeueStalledMail } = await import('@/lib/mailer');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');
const { verifyUnsubscribeToken } = await import('@/lib/unsubscribe/tokens');
const { createSmtpTransport } = await import('@/lib/smtp-transport');
const { openedOutbox, sealedSupporter } = await import('@/tests/support/personal-data');
const kkMail = (await import('@/messages/kk/mail.json')).default;
const ruMail = (await import('@/messages/ru/mail.json')).default;

afterAll(async () => {
  await unregisterWorkers();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db.$disconnect();
});

async function waitFor<T>(read: () => Promise<T | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function mailTo(address: string): Promise<ParsedMail> {
  const message = await waitFor(async () => received.find((m) => m.to.includes(address)), `mail to ${address}`);
  return simpleParser(message.raw);
}

async function outboxRow(id: string) {
  return db.outboundMail.findUniqueOrThrow({ where: { id } });
}

const settled = (id: string) =>
  waitFor(async () => {
    const row = await outboxRow(id);
    return row.status === 'PENDING' ? null : row;
  }, `outbox row ${id} to settle`);

/** A supporter, and a test message queued to them (topic mail, with its unsubscribe link, when a topic is given). */
async function testMessageToSupporter(email: string, locale: 'ru' | 'en', topic?: 'campaigns') {
  const supporter = await db.supporter.create({ data: { ...(await sealedSupporter(email)), locale } });
  const { outboundMailId } = await sendMail({
    to: email,
    supporterId: supporter.id,
    locale,
    template: 'test-message',
    props: {},
    ...(topic ? { topic } : {}),
  });
  return { supporter, outboundMailId };
}

describe('before the workers run', () => {
  it('skips topic mail to a supporter who unsubscribed after it was queued', async () => {
    const { supporter, outboundMailId } = await testMessageToSupporter('late-unsub@example.org', 'ru', 'campaigns');
    expect((await outboxRow(outboundMailId)).status).toBe('PENDING');
    await db.unsubscribe.create({ data: { supporterId: supporter.id, topic: 'all' } });

    await registerWorkers();
    const row = await settled(outboundMailId);
    expect(row).toMatchObject({ status: 'SKIPPED', lastError: 'unsubscribed', attempts: 0, payloadSealed: null });
    expect(received.some((m) => m.to.includes('late-unsub@example.org'))).toBe(false);
  });
});

describe('mail delivery', () => {
  it('delivers a message with HTML and text parts in the recipient language, with a stable Message-ID', async () => {
    await registerWorkers();
    const { outboundMailId } = await sendMail({
      to: 'aigerim@example.org',
      locale: 'kk',
      template: 'test-message',
      props: { requestedBy: 'organizer@example.org' },
    });

    const mail = await mailTo('aigerim@example.org');
    expect(mail.subject).toBe(kkMail.testMessage.subject);
    expect(mail.text).toContain(kkMail.testMessage.body);
    expect(mail.text).toContain('organizer@example.org');
    expect(mail.html).toContain('lang="kk"');
    expect(mail.html).toContain(kkMail.testMessage.heading);
    expect(mail.html).not.toMatch(/<img\b/i);
    expect(mail.headers.has('list-unsubscribe')).toBe(false);

    const row = await settled(outboundMailId);
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, payloadSealed: null, template: 'test-message', locale: 'kk' });
    expect(row.messageId).toBe(`<${outboundMailId}@dauys.test>`);
    expect(mail.messageId).toBe(row.messageId);
  });

  it('writes text parts beyond ASCII (Kazakh, Russian) in base64, and plain ASCII ones not', async () => {
    await registerWorkers();
    const transferEncodings = (raw: Buffer) => [...raw.toString('utf8').matchAll(/^Content-Transfer-Encoding: (\S+)/gim)].map((m) => m[1]);
    // A confirmation request: its markup (Latin) outweighs its Cyrillic text, which made nodemailer pick quoted-printable.
    const links = {
      confirmUrl: 'https://dauys.test/ru/petitions/p/confirm?token=t',
      withdrawUrl: 'https://dauys.test/ru/petitions/p/withdraw?token=t',
    };
    await sendMail({
      to: 'dana.ru@example.org',
      locale: 'ru',
      template: 'petition-confirm',
      props: { petitionTitle: 'Закон о преследовании', ...links },
    });
    await mailTo('dana.ru@example.org');
    const ru = received.find((m) => m.to.includes('dana.ru@example.org'))!;
    expect(transferEncodings(ru.raw)).toEqual(['base64', 'base64']);

    const transport = createSmtpTransport(process.env.SMTP_URL!);
    const line = 'Every signature is a voice for a law that protects people from violence at home. '.repeat(3);
    await transport.sendMail({
      from: 'no-reply@dauys.test',
      to: 'plain.ascii@example.org',
      subject: 'Hi',
      text: line,
      html: `<p>${line}</p>`,
    });
    transport.close();
    const ascii = received.find((m) => m.to.includes('plain.ascii@example.org'))!;
    expect(transferEncodings(ascii.raw)).toEqual(['quoted-printable', 'quoted-printable']);
  });

  it('gives topic mail RFC 8058 one-click headers and a visible unsubscribe link', async () => {
    const { supporter } = await testMessageToSupporter('dana@example.org', 'ru', 'campaigns');

    const mail = await mailTo('dana@example.org');
    expect(mail.subject).toBe(ruMail.testMessage.subject);
    const rawHeader = mail.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r?\n[ \t]+/g, ' ');
    expect(rawHeader).toMatch(
      /^List-Unsubscribe: <https:\/\/dauys\.test\/api\/unsubscribe\?token=[^>]+>, <mailto:unsubscribe@dauys\.test\?subject=[^>]+>$/,
    );
    // mailparser folds List-* headers into a structure; read the raw lines as a mail client does.
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    const token = new URL(/<(https:[^>]+)>/.exec(rawHeader)![1]!).searchParams.get('token');
    expect(verifyUnsubscribeToken(token)).toEqual({ supporterId: supporter.id, topic: 'campaigns' });

    const footerLink = `https://dauys.test/ru/unsubscribe?token=${token}`;
    expect(mail.html).toContain(footerLink);
    expect(mail.text).toContain(footerLink);
    expect(mail.text).toContain(ruMail.layout.unsubscribe);
  });

  it('retries a temporary failure (451) with backoff and delivers exactly once', async () => {
    const { outboundMailId } = await sendMail({ to: 'flaky-aruzhan@example.org', locale: 'en', template: 'test-message', props: {} });

    const row = await settled(outboundMailId);
    expect(row.status).toBe('SENT');
    expect(row.attempts).toBe(2);
    expect(rcptAttempts.get('flaky-aruzhan@example.org')).toBe(2);
    expect(received.filter((m) => m.to.includes('flaky-aruzhan@example.org'))).toHaveLength(1);
  });

  it('fails a permanent rejection (550) once, without retrying, and marks the supporter bounced', async () => {
    const { supporter, outboundMailId } = await testMessageToSupporter('reject-nobody@example.org', 'en');

    const row = await settled(outboundMailId);
    expect(row.status).toBe('FAILED');
    expect(row.lastError).toContain('550');
    expect(row.payloadSealed).toBeNull();
    const bounced = await db.supporter.findUniqueOrThrow({ where: { id: supporter.id } });
    expect(bounced.bouncedAt).toBeInstanceOf(Date);
    expect(bounced.bounceReason).toContain('550');

    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(rcptAttempts.get('reject-nobody@example.org')).toBe(1);
    expect((await outboxRow(outboundMailId)).attempts).toBe(1);
  });

  it('finds the bounced supporter by the blind index of the address when the mail names no supporter', async () => {
    const supporter = await db.supporter.create({ data: { ...(await sealedSupporter('reject-typed@example.org')), locale: 'en' } });
    const { outboundMailId } = await sendMail({ to: 'reject-typed@EXAMPLE.org', locale: 'en', template: 'test-message', props: {} });

    expect((await settled(outboundMailId)).status).toBe('FAILED');
    expect((await db.supporter.findUniqueOrThrow({ where: { id: supporter.id } })).bouncedAt).toBeInstanceOf(Date);
  });

  it('commits the outbox row and its job with the caller transaction, or neither', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await sendMail({ to: 'rolled-back@example.org', locale: 'en', template: 'test-message', props: {} }, tx);
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    const { outboundMailId } = await db.$transaction((tx) =>
      sendMail({ to: 'committed@example.org', locale: 'en', template: 'test-message', props: {} }, tx),
    );

    await mailTo('committed@example.org');
    expect((await settled(outboundMailId)).status).toBe('SENT');
    expect(await openedOutbox({}, { to: 'rolled-back@example.org' })).toEqual([]);
    expect(await openedOutbox({}, { to: 'committed@example.org' })).toHaveLength(1);
    expect(received.some((m) => m.to.includes('rolled-back@example.org'))).toBe(false);
  });
});

describe('the outbox sweeper', () => {
  it('re-enqueues a pending message whose job was lost, and never doubles one whose job exists', async () => {
    await unregisterWorkers();
    const { outboundMailId } = await sendMail({ to: 'lost-job@example.org', locale: 'en', template: 'test-message', props: {} });
    await db.outboundMail.update({ where: { id: outboundMailId }, data: { createdAt: new Date(Date.now() - 5 * 60_000) } });

    expect((await requeueStalledMail()).requeued).toBe(0);
    await db.$executeRawUnsafe(`DELETE FROM pgboss.job WHERE name = 'mail.send' AND singleton_key = $1`, outboundMailId);
    expect((await requeueStalledMail()).requeued).toBe(1);
    expect((await requeueStalledMail()).requeued).toBe(0);

    await registerWorkers();
    await mailTo('lost-job@example.org');
    expect((await settled(outboundMailId)).status).toBe('SENT');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received.filter((m) => m.to.includes('lost-job@example.org'))).toHaveLength(1);
  });
});
