import { emailIndexOf } from '@/tests/support/personal-data';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { confirmSignature } from '@/lib/petitions/confirm-signature';
import { PENDING_TTL_SECONDS } from '@/lib/petitions/constants';
import { forgetPublicCount, getPublicCount, readCount } from '@/lib/petitions/count';
import { expirePendingSignatures } from '@/lib/petitions/expire-pending-signatures';
import { findSignatureByToken } from '@/lib/petitions/find-signature-by-token';
import { reconcileCounts } from '@/lib/petitions/reconcile-counts';
import { sendSignatureMails } from '@/lib/petitions/send-signature-mails';
import { signPetition } from '@/lib/petitions/sign-petition';
import { withdrawSignature } from '@/lib/petitions/withdraw-signature';
import { stopWorkers } from '@/lib/queue';
import { createPetition, latestToken, signer, trueCount } from './fixtures';

const here = { clientAddress: '203.0.113.9' };

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

async function signAndMail(slug: string, email: string, extra = {}) {
  await signPetition(slug, signer(email, extra), here);
  await sendSignatureMails();
  return (await latestToken(email)).token;
}

describe('confirmation', () => {
  it('counts a signature once it is confirmed; a scanner GET before changes nothing; twice is harmless', async () => {
    const petition = await createPetition();
    const token = await signAndMail(petition.slug, 'confirm@example.org', { wantsUpdates: true });

    // What the confirmation page does on GET (a mail scanner opening the link).
    const seen = await findSignatureByToken(token);
    expect(seen).toMatchObject({ status: 'PENDING', slug: petition.slug, isExpired: false });
    expect((await db.signature.findFirstOrThrow({ where: { emailIndex: await emailIndexOf('confirm@example.org') } })).status).toBe(
      'PENDING',
    );
    expect(await readCount(petition.id)).toBe(0);

    expect(await confirmSignature(token)).toEqual({ status: 'confirmed', slug: petition.slug });
    expect(await confirmSignature(token)).toEqual({ status: 'already-confirmed', slug: petition.slug });
    expect(await readCount(petition.id)).toBe(1);

    const row = await db.signature.findFirstOrThrow({ where: { emailIndex: await emailIndexOf('confirm@example.org') } });
    expect(row.status).toBe('CONFIRMED');
    expect(row.confirmedAt).not.toBeNull();
    const consents = await db.consent.findMany({ where: { supporterId: row.supporterId! }, orderBy: { purpose: 'asc' } });
    expect(consents.map((c) => [c.purpose, c.textVersion])).toEqual([
      ['privacy_notice', row.consentVersion],
      ['updates', row.consentVersion],
    ]);
  });

  it('confirming the same link from two tabs at once counts once', async () => {
    const petition = await createPetition();
    const token = await signAndMail(petition.slug, 'two.tabs@example.org');
    const outcomes = await Promise.all([confirmSignature(token), confirmSignature(token), confirmSignature(token)]);
    expect(outcomes.filter((o) => o.status === 'confirmed')).toHaveLength(1);
    expect(await readCount(petition.id)).toBe(1);
  });

  it('signing again after confirming mails "already signed" and leaves the count alone', async () => {
    const petition = await createPetition();
    const email = 'again@example.org';
    const token = await signAndMail(petition.slug, email);
    await confirmSignature(token);
    await db.signature.updateMany({
      where: { emailIndex: await emailIndexOf(email) },
      data: { lastMailAt: new Date(Date.now() - 3600_000) },
    });
    await signPetition(petition.slug, signer(email), here);
    await sendSignatureMails();
    const latest = await latestToken(email);
    expect(latest.template).toBe('petition-already-signed');
    expect(await readCount(petition.id)).toBe(1);
    expect(await db.signature.count({ where: { emailIndex: await emailIndexOf(email) } })).toBe(1);
    // The old link is replaced; the new one still finds the confirmed signature.
    expect(await findSignatureByToken(latest.token)).toMatchObject({ status: 'CONFIRMED' });
  });

  it('rejects an unknown token', async () => {
    expect(await confirmSignature('A'.repeat(43))).toEqual({ status: 'invalid' });
    expect(await withdrawSignature('A'.repeat(43))).toEqual({ status: 'invalid' });
  });
});

describe('withdrawal and expiry', () => {
  it('withdrawing a confirmed signature removes its data and lowers the count', async () => {
    const petition = await createPetition();
    const keep = await signAndMail(petition.slug, 'keep@example.org');
    const leave = await signAndMail(petition.slug, 'leave@example.org', { wantsUpdates: true });
    await confirmSignature(keep);
    await confirmSignature(leave);
    expect(await readCount(petition.id)).toBe(2);

    expect(await withdrawSignature(leave)).toEqual({ status: 'withdrawn', slug: petition.slug });
    expect(await withdrawSignature(leave)).toEqual({ status: 'invalid' });
    expect(await db.signature.count({ where: { emailIndex: await emailIndexOf('leave@example.org') } })).toBe(0);
    expect(await readCount(petition.id)).toBe(1);
    expect(await trueCount(petition.id)).toBe(1);
    const supporter = await db.supporter.findUniqueOrThrow({ where: { emailIndex: await emailIndexOf('leave@example.org') } });
    const consents = await db.consent.findMany({ where: { supporterId: supporter.id } });
    expect(consents.length).toBe(2);
    expect(consents.every((c) => c.withdrawnAt !== null)).toBe(true);
  });

  it('"it wasn\'t me" removes a pending signature without touching the count', async () => {
    const petition = await createPetition();
    const token = await signAndMail(petition.slug, 'not.me@example.org');
    expect(await withdrawSignature(token)).toMatchObject({ status: 'withdrawn' });
    expect(await confirmSignature(token)).toEqual({ status: 'invalid' });
    expect(await readCount(petition.id)).toBe(0);
  });

  it('pending signatures expire: they cannot be confirmed afterwards and are deleted', async () => {
    const petition = await createPetition();
    const token = await signAndMail(petition.slug, 'late@example.org');
    const later = new Date(Date.now() + (PENDING_TTL_SECONDS + 60) * 1000);
    expect(await findSignatureByToken(token, later)).toMatchObject({ isExpired: true });
    expect(await confirmSignature(token, later)).toEqual({ status: 'invalid' });
    expect(await expirePendingSignatures(later)).toBeGreaterThanOrEqual(1);
    expect(await db.signature.count({ where: { emailIndex: await emailIndexOf('late@example.org') } })).toBe(0);
    expect(await readCount(petition.id)).toBe(0);
  });
});

describe('counts', () => {
  it('concurrent confirmations keep the sharded count equal to a true count', async () => {
    const petition = await createPetition();
    const tokens: string[] = [];
    for (let i = 0; i < 60; i += 1) await signPetition(petition.slug, signer(`crowd${i}@example.org`), here);
    await sendSignatureMails();
    for (let i = 0; i < 60; i += 1) tokens.push((await latestToken(`crowd${i}@example.org`)).token);
    await Promise.all(tokens.map((token) => confirmSignature(token)));
    await Promise.all(tokens.slice(0, 10).map((token) => withdrawSignature(token)));
    expect(await trueCount(petition.id)).toBe(50);
    expect(await readCount(petition.id)).toBe(50);
    const shards = await db.petitionCountShard.count({ where: { petitionId: petition.id } });
    expect(shards).toBeGreaterThan(1);
  });

  it('the public count is cached per process and never counts signatures on a read', async () => {
    const petition = await createPetition();
    forgetPublicCount(petition.id);
    expect(await getPublicCount(petition.id)).toBe(0);
    await db.petitionCountShard.create({ data: { petitionId: petition.id, shard: 3, confirmed: 7 } });
    expect(await getPublicCount(petition.id)).toBe(0); // served from the cache
    forgetPublicCount(petition.id);
    expect(await getPublicCount(petition.id)).toBe(7); // the shards, not COUNT(*) of signatures
  });

  it('reconciliation proves the counter against a true count and repairs drift', async () => {
    const petition = await createPetition();
    const token = await signAndMail(petition.slug, 'reconcile@example.org');
    await confirmSignature(token);
    await db.$executeRaw`UPDATE "PetitionCountShard" SET confirmed = confirmed + 5 WHERE "petitionId" = ${petition.id}
                          AND shard = (SELECT min(shard) FROM "PetitionCountShard" WHERE "petitionId" = ${petition.id})`;
    expect(await readCount(petition.id)).toBe(6);

    const result = (await reconcileCounts()).find((r) => r.petitionId === petition.id);
    expect(result).toEqual({ petitionId: petition.id, trueCount: 1, counter: 6, drift: -5 });
    expect(await readCount(petition.id)).toBe(1);
    const stored = await db.petition.findUniqueOrThrow({ where: { id: petition.id } });
    expect(stored.countDrift).toBe(-5);
    expect(stored.countCheckedAt).not.toBeNull();
    expect(await db.auditLog.count({ where: { action: 'petition.count-repaired', subjectId: petition.id } })).toBe(1);

    const again = (await reconcileCounts()).find((r) => r.petitionId === petition.id);
    expect(again?.drift).toBe(0);
  });
});
