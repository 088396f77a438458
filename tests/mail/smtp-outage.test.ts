import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report, seconds } from './helpers/fixtures';
import { startRelay, waitFor, type Relay } from './helpers/relay';
import { applyFastMailSettings } from './helpers/worker-process';

// Finding: with SMTP_URL on a port that refused connections, mail stopped until the worker was
// restarted. Here the relay refuses, then hangs (accepts connections, never answers), then answers
// again; mail must flow again on its own within seconds of its return. Short settings stand in for
// production's: a 3 s send deadline (60 s), 1 s first retry (30 s), relay checked every 1 s (15 s).
const relay: Relay = await startRelay();
applyFastMailSettings(relay.url, { MAIL_RETRY_MAX_DELAY_SECONDS: '30', MAIL_SEND_TIMEOUT_SECONDS: '3' });

const { db } = await import('@/lib/db');
const { sendMail, sendMails } = await import('@/lib/mailer');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');

beforeAll(() => registerWorkers());
afterAll(async () => {
  await unregisterWorkers();
  await relay.stop();
  await db.$disconnect();
});

function confirmations(prefix: string, count: number) {
  return Array.from({ length: count }, (_, index) => ({
    to: `${prefix}-${index}@example.org`,
    locale: 'en' as const,
    template: 'petition-confirm' as const,
    props: {
      petitionTitle: 'Protect survivors',
      confirmUrl: `https://dauys.test/en/petitions/p/confirm?token=${prefix}${index}`,
      withdrawUrl: `https://dauys.test/en/petitions/p/withdraw?token=${prefix}${index}`,
    },
  }));
}

function signInLink(to: string) {
  return sendMail({
    to,
    locale: 'en',
    template: 'sign-in-link',
    props: { url: 'https://dauys.test/api/auth/callback/email?token=x', expiresInMinutes: 10 },
  });
}

/** Acknowledged (committed rows), delivered (distinct Message-IDs at the relay), lost, duplicated. */
function countDeliveries(ids: readonly string[]) {
  const perId = relay.deliveriesById();
  const counts = ids.map((id) => perId.get(`<${id}@dauys.test>`) ?? 0);
  return {
    acknowledged: ids.length,
    delivered: counts.filter((n) => n > 0).length,
    lost: counts.filter((n) => n === 0).length,
    duplicated: counts.filter((n) => n > 1).length,
  };
}

describe('the pooled SMTP transport', () => {
  it('frees the connection slot of a refused connection: sends fail fast while the port is closed and succeed once it opens', async () => {
    const { createSmtpTransport } = await import('@/lib/smtp-transport');
    const transport = createSmtpTransport(relay.url, { maxConnections: 2, timeoutMs: 2000 });
    const send = (index: number) =>
      Promise.race([
        transport.sendMail({ from: 'no-reply@dauys.test', to: `pool-${index}@example.org`, subject: 'pool', text: 'pool' }).then(
          () => 'sent',
          (error: { code?: string }) => error.code ?? 'error',
        ),
        new Promise<string>((resolve) => setTimeout(() => resolve('hung'), 5000)),
      ]);
    await relay.setMode('refuse');
    const whileRefused = await Promise.all([1, 2, 3, 4, 5, 6].map(send));
    await relay.setMode('accept');
    const started = Date.now();
    const afterwards = await Promise.all([7, 8, 9, 10].map(send));
    transport.close();
    expect(whileRefused.every((result) => result !== 'sent' && result !== 'hung')).toBe(true);
    expect(afterwards).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('an SMTP outage', () => {
  it('a refused port: no send hangs, and every mail goes out within seconds of the relay coming back', async () => {
    await relay.setMode('refuse');
    const queued = await sendMails(confirmations('refused', 30), undefined, { perRecipientLinks: ['confirmUrl', 'withdrawUrl'] });
    const ids = queued.map((mail) => mail.outboundMailId);

    // Every confirmation has been tried and failed (or is held), none hangs inside the pool.
    await waitFor(
      async () => (await db.outboundMail.count({ where: { id: { in: ids }, lastError: { not: null } } })) === ids.length,
      'every mail to fail once',
    );
    const tried = await db.outboundMail.findMany({ where: { id: { in: ids } }, select: { status: true, lastError: true } });
    expect(tried.every((row) => row.status === 'PENDING')).toBe(true);
    expect(tried.some((row) => /ECONNREFUSED/.test(row.lastError!))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 4000));

    await relay.setMode('accept');
    const back = Date.now();
    const { outboundMailId: signIn } = await signInLink('organizer@example.org');
    const all = [...ids, signIn];
    await waitFor(() => countDeliveries(all).delivered === all.length, 'every mail after the relay came back', 30_000);
    const recovered = Math.max(...relay.messages.map((m) => m.receivedAt)) - back;

    const figures = countDeliveries(all);
    report('refused port', { ...figures, secondsToRecover: seconds(recovered) });
    expect(figures).toEqual({ acknowledged: 31, delivered: 31, lost: 0, duplicated: 0 });
    expect(recovered).toBeLessThan(10_000);
    await waitFor(
      async () => (await db.outboundMail.count({ where: { id: { in: all }, status: 'SENT' } })) === all.length,
      'rows marked SENT',
    );
  });

  it('a hung relay (accepts, never answers): each send ends at its deadline and frees its connection', async () => {
    await relay.setMode('silent');
    const started = Date.now();
    const queued = await sendMails(confirmations('silent', 10), undefined, { perRecipientLinks: ['confirmUrl', 'withdrawUrl'] });
    const ids = queued.map((mail) => mail.outboundMailId);

    await waitFor(
      async () => (await db.outboundMail.count({ where: { id: { in: ids }, lastError: { not: null } } })) === ids.length,
      'every mail to give up its first try',
      20_000,
    );
    const firstFailures = Date.now() - started;
    const rows = await db.outboundMail.findMany({ where: { id: { in: ids } }, select: { lastError: true, attempts: true } });
    expect(rows.some((row) => /within 3 s|ETIMEDOUT|Timeout/i.test(row.lastError!))).toBe(true);
    // One deadline (3 s) for the first try, the rest held or failing fast: far from hanging.
    expect(firstFailures).toBeLessThan(12_000);

    await relay.setMode('accept');
    const back = Date.now();
    await waitFor(() => countDeliveries(ids).delivered === ids.length, 'every mail after the relay answered again', 30_000);
    const recovered = Math.max(...relay.messages.slice(-ids.length).map((m) => m.receivedAt)) - back;
    const figures = countDeliveries(ids);
    report('hung relay', { ...figures, secondsToFirstFailure: seconds(firstFailures), secondsToRecover: seconds(recovered) });
    expect(figures).toEqual({ acknowledged: 10, delivered: 10, lost: 0, duplicated: 0 });
    expect(recovered).toBeLessThan(10_000);
  });

  it('after a long back-off, the relay coming back releases held mail at once instead of after the back-off', async () => {
    await relay.setMode('refuse');
    const { outboundMailId } = await signInLink('held@example.org');
    // Push its next try far out, as hours of outage would have done with MAIL_RETRY_MAX_DELAY_SECONDS.
    await waitFor(
      async () =>
        (await db.$executeRaw`
          UPDATE pgboss.job SET start_after = now() + interval '1 hour'
           WHERE name = 'mail.send' AND singleton_key = ${outboundMailId} AND state = 'retry'`) === 1,
      'the job to wait for its retry',
    );

    await relay.setMode('accept');
    const back = Date.now();
    await waitFor(() => countDeliveries([outboundMailId]).delivered === 1, 'the held mail', 15_000);
    report('held mail released', { ...countDeliveries([outboundMailId]), secondsToRecover: seconds(Date.now() - back) });
  });
});
