import nodemailer from 'nodemailer';
import { afterAll, describe, expect, it } from 'vitest';
import { startEnvelopeRelay } from './helpers/envelope-relay';

// The relay the outbox sends to.
const relay = await startEnvelopeRelay();

// lib/env reads the environment once, on first import: configure before importing the app.
process.env.SMTP_URL = `smtp://127.0.0.1:${relay.port}`;
process.env.MAIL_FROM = 'Dauys <no-reply@dauys.test>';

const { db } = await import('@/lib/db');
const { sendMail } = await import('@/lib/mailer');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');
const { startUnsubscribeMailbox } = await import('@/lib/unsubscribe/unsubscribe-mailbox');
const { sealedSupporter } = await import('@/tests/support/personal-data');

const mailbox = await startUnsubscribeMailbox({ port: 0, host: '127.0.0.1' });
const mta = nodemailer.createTransport({ host: '127.0.0.1', port: mailbox.port, secure: false, ignoreTLS: true });

afterAll(async () => {
  await unregisterWorkers();
  mta.close();
  await mailbox.stop();
  await relay.stop();
});

describe('a bounce of mail from the outbox', () => {
  it('comes back to the return path of its outbox row and suppresses the supporter', async () => {
    const supporter = await db.supporter.create({ data: { ...(await sealedSupporter('gone@example.org')), locale: 'ru' } });
    await registerWorkers();
    const { outboundMailId } = await sendMail({
      to: 'gone@example.org',
      supporterId: supporter.id,
      locale: 'ru',
      template: 'test-message',
      props: {},
    });

    const { from: returnPath } = await relay.messageTo('gone@example.org');
    expect(returnPath).toMatch(new RegExp(`^bounces\\+m${outboundMailId}-[0-9a-f]{16}@dauys\\.test$`));
    // RFC 5321: a local part has at most 64 octets.
    expect(returnPath.split('@')[0]!.length).toBeLessThanOrEqual(64);

    // Exim's layout this time: the status part first line folded, a comment after the status.
    const boundary = '1764510000-eximdsn-1804289383';
    await mta.sendMail({
      envelope: { from: '', to: returnPath },
      raw: [
        'From: Mail Delivery System <Mailer-Daemon@mx.example.org>',
        `To: ${returnPath}`,
        'Subject: Mail delivery failed: returning message to sender',
        'MIME-Version: 1.0',
        `Content-Type: multipart/report; report-type=delivery-status; boundary=${boundary}`,
        '',
        `--${boundary}`,
        'Content-type: text/plain; charset=us-ascii',
        '',
        'This message was created automatically by mail delivery software.',
        '',
        `--${boundary}`,
        'Content-type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.org',
        '',
        'Action: failed',
        'Final-Recipient: rfc822;gone@example.org',
        'Status: 5.2.1 (mailbox disabled)',
        'Remote-MTA: dns; in.example.org',
        'Diagnostic-Code: smtp; 550 5.2.1 The email account that you tried to reach is',
        ' disabled: gone@example.org',
        '',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    });

    expect(await db.mailBounce.findMany({ where: { outboundMailId } })).toMatchObject([
      {
        supporterId: supporter.id,
        campaignId: null,
        kind: 'HARD',
        status: '5.2.1',
        diagnostic: '550 5.2.1 The email account that you tried to reach is disabled: <address>',
      },
    ]);
    expect((await db.supporter.findUniqueOrThrow({ where: { id: supporter.id } })).bouncedAt).toBeInstanceOf(Date);
  });
});
