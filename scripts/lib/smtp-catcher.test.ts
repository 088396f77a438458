import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { findCaughtMailById, findLatestCaughtMail } from '@/lib/mailbox/queries';
import { parseMasterKey } from '@/lib/security/keyring';
import { TEST_MASTER_KEY } from '@/tests/support/test-master-key';
import { startSmtpCatcher, type RunningSmtpCatcher } from './smtp-catcher';

let catcher: RunningSmtpCatcher;

beforeAll(async () => {
  catcher = await startSmtpCatcher({
    port: 0,
    databaseUrl: process.env.DATABASE_URL!,
    masterKey: parseMasterKey(TEST_MASTER_KEY),
    sizeLimit: 200_000,
  });
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

    const [summary] = await findLatestCaughtMail();
    expect(summary).toMatchObject({ to: ['aigerim@example.org'], subject: 'Сәлем, Aigerim' });
    const mail = (await findCaughtMailById(summary!.id))!;
    expect(mail.subject).toBe('Сәлем, Aigerim');
    expect(mail.from).toBe('"Dauys" <no-reply@dauys.test>');
    expect(mail.text).toContain('https://dauys.test/kk/unsubscribe?token=abc');
    expect(mail.html).toContain('<a href="https://dauys.test/kk/unsubscribe?token=abc">');
    expect(mail.raw).toMatch(/^X-Test: catcher$/m);
    expect(mail.receivedAt).toBeInstanceOf(Date);

    // Sealed at rest: the row holds neither the address, the name nor the link.
    const [stored] = await db.$queryRaw<{ row: string }[]>`SELECT c::text AS row FROM "CaughtMail" c WHERE id = ${summary!.id}`;
    expect(stored!.row).not.toMatch(/aigerim|Сәлем|unsubscribe/i);
  });

  it('refuses a message over the size limit and stores nothing', async () => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: catcher.port, secure: false, ignoreTLS: true });
    await expect(
      transport.sendMail({ from: 'no-reply@dauys.test', to: 'big@example.org', subject: 'big', text: 'x'.repeat(400_000) }),
    ).rejects.toMatchObject({ responseCode: 552 });
    transport.close();
    expect((await findLatestCaughtMail()).filter((mail) => mail.to.includes('big@example.org'))).toEqual([]);
  });
});
