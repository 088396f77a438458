import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { startSmtpCatcher, type RunningSmtpCatcher } from './smtp-catcher';

let catcher: RunningSmtpCatcher;

beforeAll(async () => {
  catcher = await startSmtpCatcher({ port: 0, databaseUrl: process.env.DATABASE_URL!, sizeLimit: 200_000 });
});

afterAll(async () => {
  await catcher.stop();
  await db.$disconnect();
});

describe('the local SMTP catcher', () => {
  it('stores a message sent over SMTP, parsed, with its raw source', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, secure: false, ignoreTLS: true });
    await transport.sendMail({
      from: 'Dauys <no-reply@dauys.test>',
      to: 'Aigerim <aigerim@example.org>',
      subject: 'Сәлем, Aigerim',
      text: 'Open https://dauys.test/kk/unsubscribe?token=abc to stop.',
      html: '<p>Open <a href="https://dauys.test/kk/unsubscribe?token=abc">this link</a> to stop.</p>',
      headers: { 'X-Test': 'catcher' },
    });
    transport.close();

    const mail = await db.caughtMail.findFirstOrThrow({ where: { toAddrs: { has: 'aigerim@example.org' } } });
    expect(mail.subject).toBe('Сәлем, Aigerim');
    expect(mail.fromAddr).toBe('"Dauys" <no-reply@dauys.test>');
    expect(mail.text).toContain('https://dauys.test/kk/unsubscribe?token=abc');
    expect(mail.html).toContain('<a href="https://dauys.test/kk/unsubscribe?token=abc">');
    expect(mail.raw).toMatch(/^X-Test: catcher$/m);
    expect(mail.receivedAt).toBeInstanceOf(Date);
  });

  it('refuses a message over the size limit and stores nothing', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, secure: false, ignoreTLS: true });
    await expect(
      transport.sendMail({ from: 'no-reply@dauys.test', to: 'big@example.org', subject: 'big', text: 'x'.repeat(400_000) }),
    ).rejects.toMatchObject({ responseCode: 552 });
    transport.close();
    expect(await db.caughtMail.count({ where: { toAddrs: { has: 'big@example.org' } } })).toBe(0);
  });
});
