import { emailIndexOf, outboxTo } from '@/tests/support/personal-data';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/petitions/[slug]/signatures/route';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { sendSignatureMails } from '@/lib/petitions/send-signature-mails';
import { stopWorkers } from '@/lib/queue';
import { createOpenPetition, jsonSignRequest, routeContext } from './helpers';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Repeats of one submission, a few milliseconds apart: a double (or triple…) click. As many as the
 * pool has connections: the mail job, holding the signature's row, once took a second connection
 * from a pool whose every connection was a repeat waiting for that row (it stalled until the
 * transaction timed out).
 */
const REPEAT_DELAYS_MS = [0, 1, 2, 4, 6, 8, 12, 16, 24, 32];

const signerFields = (email: string) => ({
  fullName: 'Aigerim Karimova',
  email,
  region: 'ALMATY',
  consent: true,
  wantsUpdates: true,
  locale: 'ru',
});

async function submitRepeatedly(slug: string, email: string, address: string, errors: unknown[]): Promise<void> {
  await Promise.all(
    REPEAT_DELAYS_MS.map(async (delay) => {
      await sleep(delay);
      try {
        const response = await POST(jsonSignRequest(slug, signerFields(email), address), routeContext(slug));
        if (response.status !== 200) errors.push(new Error(`status ${response.status}`));
      } catch (error) {
        errors.push(error);
      }
    }),
  );
}

/*
 * Locks on one signer's rows, taken in one order everywhere: the Supporter row (never with a lock
 * that blocks a foreign-key check), then the Signature row. A repeat submission used to take them
 * the other way round from the mail job and from the confirmation, and PostgreSQL broke each
 * resulting cycle by failing one side with "deadlock detected" after a second.
 */
describe('a double-clicked Sign', () => {
  it('many identical submissions racing the mail job all succeed and leave one signature', async () => {
    expect(REPEAT_DELAYS_MS.length).toBeGreaterThanOrEqual(env.DATABASE_POOL_SIZE);
    const petition = await createOpenPetition();
    const rounds = 12;
    const errors: unknown[] = [];

    for (let round = 0; round < rounds; round += 1) {
      const email = `double.click.${round}@example.org`;
      const address = `203.0.113.${round + 1}`;
      const first = await POST(jsonSignRequest(petition.slug, signerFields(email), address), routeContext(petition.slug));
      expect(first.status).toBe(200);
      // The job takes the first click's signature row and renders its mail while the repeats arrive.
      const job = sendSignatureMails().catch((error: unknown) => errors.push(error));
      await Promise.all([job, submitRepeatedly(petition.slug, email, address, errors)]);
    }

    expect(errors.map(String)).toEqual([]);
    for (let round = 0; round < rounds; round += 1) {
      const email = `double.click.${round}@example.org`;
      expect(await db.signature.count({ where: { petitionId: petition.id, emailIndex: await emailIndexOf(email) } })).toBe(1);
      expect(await db.supporter.count({ where: { emailIndex: await emailIndexOf(email) } })).toBe(1);
    }
  });

  it('repeats racing the confirmation of the first all succeed, and the signature is confirmed once', async () => {
    const petition = await createOpenPetition();
    const rounds = 12;
    const errors: unknown[] = [];

    for (let round = 0; round < rounds; round += 1) {
      const email = `confirm.race.${round}@example.org`;
      const address = `203.0.113.${round + 101}`;
      expect((await POST(jsonSignRequest(petition.slug, signerFields(email), address), routeContext(petition.slug))).status).toBe(200);
      await sendSignatureMails();
      const mail = (await outboxTo(email))[0]!;
      const token = new URL((mail.payload as { props: { confirmUrl: string } }).props.confirmUrl).searchParams.get('token')!;

      const confirmation = confirmSignature(token).catch((error: unknown) => errors.push(error));
      await Promise.all([confirmation, submitRepeatedly(petition.slug, email, address, errors)]);
    }

    expect(errors.map(String)).toEqual([]);
    const rows = await db.signature.findMany({ where: { petitionId: petition.id }, select: { status: true } });
    expect(rows).toHaveLength(rounds);
    expect(rows.every((row) => row.status === 'CONFIRMED')).toBe(true);
    expect(await db.consent.count({ where: { action: `petition:${petition.id}`, purpose: 'privacy_notice' } })).toBe(rounds);
  });
});
