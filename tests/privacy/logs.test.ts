import { afterAll, describe, expect, it, vi } from 'vitest';
import { startRelay, waitFor } from '@/tests/mail/helpers/relay';
import { applyFastMailSettings } from '@/tests/mail/helpers/worker-process';

// The base logger reads LOG_LEVEL when it is first imported: everything, down to debug.
vi.hoisted(() => {
  process.env.LOG_LEVEL = 'debug';
});

// A signature whose confirmation mail the relay first refuses with a reply that quotes the address
// (as servers do: the envelope has no name),
// then takes: the signing, the mail run, the failed and the successful delivery all log, and none of
// their lines may hold what the signer typed or where they signed from.
const relay = await startRelay();
applyFastMailSettings(relay.url);

const { db } = await import('@/lib/db');
const { registerWorkers, unregisterWorkers } = await import('@/lib/jobs/register-workers');
const { signPetition } = await import('@/lib/petitions/sign-petition');
const { createPetition, signer } = await import('@/tests/petitions/fixtures');
const { captureLogLines } = await import('@/tests/support/captured-logs');

const EMAIL = 'zhanar.beisenova@example.kz';
const NAME = 'Zhanar Beisenova';
const CLIENT_ADDRESS = '203.0.113.91';

afterAll(async () => {
  await unregisterWorkers();
  await relay.stop();
  await db.$disconnect();
});

describe('logs of a real signature', () => {
  it('at debug level, hold the mail outcomes but never the signer’s address, name or network', async () => {
    const logs = captureLogLines();
    try {
      await registerWorkers();
      let refusals = 0;
      relay.setReplyRule((address, stage) =>
        stage === 'rcpt' && refusals++ < 1 ? { code: 451, text: `4.2.1 <${address}>: mailbox busy, try later` } : null,
      );
      const petition = await createPetition();
      expect(await signPetition(petition.slug, signer(EMAIL, { fullName: NAME }), { clientAddress: CLIENT_ADDRESS })).toBe('accepted');
      await waitFor(() => relay.messages.some((message) => message.to === EMAIL), 'the confirmation mail to arrive', 30_000);
      await waitFor(() => logs.entries('debug').some((entry) => entry.msg === 'delivered'), 'the delivery to be logged');
    } finally {
      logs.stop();
    }

    const output = logs.text();
    const failed = logs.entries('info').find((entry) => entry.msg === 'delivery failed');
    expect(failed).toMatchObject({ component: 'mail', job: 'mail.send', kind: 'temporary' });
    expect(String(failed!.reason)).toContain('<address>');
    for (const personal of [EMAIL, 'zhanar.beisenova', NAME, 'Beisenova', CLIENT_ADDRESS]) expect(output).not.toContain(personal);
  });
});
