import { emailIndexOf, outboxTo, opened } from '@/tests/support/personal-data';
import { afterAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/petitions/[slug]/signatures/route';
import { db } from '@/lib/db';
import { MAX_MAILS_PER_SIGNATURE, SIGN_LIMIT_EXTREME, SIGN_LIMIT_FLAG, SIGN_LIMIT_WINDOW_SECONDS } from '@/lib/petitions/constants';
import { readCount } from '@/lib/petitions/count';
import { sendSignatureMails } from '@/lib/petitions/send-signature-mails';
import { signPetition } from '@/lib/petitions/sign-petition';
import { hashAddress } from '@/lib/security/client-address';
import { stopWorkers } from '@/lib/queue';
import { createPetition, latestToken, signer } from './fixtures';

const here = { clientAddress: '203.0.113.7' };

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

function formRequest(slug: string, fields: Record<string, string>, address = '198.51.100.1') {
  return new Request(`http://localhost/api/petitions/${slug}/signatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
    body: new URLSearchParams(fields).toString(),
  });
}

describe('signing', () => {
  it('stores one pending signature per normalised address, decided by the database', async () => {
    const petition = await createPetition();
    expect(await signPetition(petition.slug, signer('aigerim@example.org'), here)).toBe('accepted');
    expect(await signPetition(petition.slug, signer('aigerim@example.org', { fullName: 'Someone Else' }), here)).toBe('accepted');

    const rows = await opened(await db.signature.findMany({ where: { petitionId: petition.id } }));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'PENDING', email: 'aigerim@example.org', fullName: 'Aigerim Karimova', mailPending: true });
    expect((rows[0]!.expiresAt as Date).getTime()).toBeGreaterThan(Date.now());
    expect(await db.supporter.count({ where: { emailIndex: await emailIndexOf('aigerim@example.org') } })).toBe(1);
    // Pending signatures do not count.
    expect(await readCount(petition.id)).toBe(0);
  });

  it('two signatures with the same address at the same instant leave one row', async () => {
    const petition = await createPetition();
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => signPetition(petition.slug, signer('same.instant@example.org'), here)),
    );
    expect(outcomes.every((o) => o === 'accepted')).toBe(true);
    expect(await db.signature.count({ where: { petitionId: petition.id } })).toBe(1);
    expect(await db.supporter.count({ where: { emailIndex: await emailIndexOf('same.instant@example.org') } })).toBe(1);
  });

  it('the form path normalises the address and answers a repeat exactly like a first signature', async () => {
    const petition = await createPetition();
    const fields = { fullName: 'Dana Sultanova', email: '  Dana@Example.ORG ', region: 'ASTANA', consent: 'on', locale: 'ru' };
    const first = await POST(formRequest(petition.slug, fields), { params: Promise.resolve({ slug: petition.slug }) });
    const second = await POST(formRequest(petition.slug, fields), { params: Promise.resolve({ slug: petition.slug }) });
    for (const response of [first, second]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/ru/petitions/${petition.slug}/check-email`);
    }
    const [row] = await opened([await db.signature.findFirstOrThrow({ where: { petitionId: petition.id } })]);
    expect(row).toMatchObject({ email: 'dana@example.org', region: 'ASTANA', locale: 'ru', isPublic: false, wantsUpdates: false });
  });

  it('bad input gets localised field errors and stores nothing', async () => {
    const petition = await createPetition();
    const request = new Request(`http://localhost/api/petitions/${petition.slug}/signatures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fullName: 'A', email: 'not-an-email', region: 'MARS', comment: 'x'.repeat(501), locale: 'ru' }),
    });
    const response = await POST(request, { params: Promise.resolve({ slug: petition.slug }) });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { fieldErrors: Record<string, string> };
    expect(Object.keys(body.fieldErrors).sort()).toEqual(['comment', 'consent', 'email', 'fullName', 'region']);
    expect(body.fieldErrors.email).toBe('Проверьте адрес электронной почты.');
    expect(body.fieldErrors.consent).not.toBe('consentRequired'); // translated, not a key

    const noJs = await POST(formRequest(petition.slug, { fullName: '', email: 'x', locale: 'kk' }), {
      params: Promise.resolve({ slug: petition.slug }),
    });
    expect(noJs.status).toBe(303);
    expect(noJs.headers.get('location')).toBe(`/kk/petitions/${petition.slug}/sign`);
    expect(noJs.headers.get('set-cookie')).toContain('petition-sign-form=');
    expect(await db.signature.count({ where: { petitionId: petition.id } })).toBe(0);
    expect(await db.supporter.count({ where: { emailIndex: await emailIndexOf('not-an-email') } })).toBe(0);
  });

  it('refuses closed, draft and expired petitions', async () => {
    const closed = await createPetition({ status: 'CLOSED' });
    const draft = await createPetition({ status: 'DRAFT' });
    const ended = await createPetition({ closesAt: new Date(Date.now() - 1000) });
    for (const petition of [closed, draft, ended]) {
      expect(await signPetition(petition.slug, signer('x@example.org'), here)).toBe('closed');
    }
    expect(await signPetition('no-such-petition', signer('x@example.org'), here)).toBe('closed');
    expect(await db.signature.count({ where: { emailIndex: await emailIndexOf('x@example.org') } })).toBe(0);
  });

  it('a honeypot hit and a blocked address or domain are answered as accepted and stored nowhere', async () => {
    const petition = await createPetition();
    await db.petitionBlock.createMany({
      data: [
        { kind: 'DOMAIN', value: 'spam.example' },
        { kind: 'ADDRESS', value: 'troll@example.org' },
      ],
    });
    expect(await signPetition(petition.slug, signer('bot@example.org', { website: 'http://x' }), here)).toBe('accepted');
    expect(await signPetition(petition.slug, signer('a@spam.example'), here)).toBe('accepted');
    expect(await signPetition(petition.slug, signer('b@mail.spam.example'), here)).toBe('accepted');
    expect(await signPetition(petition.slug, signer('troll@example.org'), here)).toBe('accepted');
    expect(await signPetition(petition.slug, signer('fine@example.org'), here)).toBe('accepted');
    expect((await opened(await db.signature.findMany({ where: { petitionId: petition.id } }))).map((s) => s.email)).toEqual([
      'fine@example.org',
    ]);
  });

  it('flags a burst from one address and refuses only an extreme one', async () => {
    const petition = await createPetition();
    // One instant for the whole burst, so it falls in one rate-limit window whatever the clock reads.
    const carrier = { clientAddress: '100.64.0.1', now: new Date() };
    for (let i = 0; i <= SIGN_LIMIT_FLAG; i += 1) {
      expect(await signPetition(petition.slug, signer(`person${i}@example.org`), carrier)).toBe('accepted');
    }
    const flagged = await opened(await db.signature.findMany({ where: { petitionId: petition.id, isFlagged: true } }));
    expect(flagged.map((s) => s.email)).toEqual([`person${SIGN_LIMIT_FLAG}@example.org`]);
    expect(flagged[0]!.ipPrefix).toBe('100.64.0.0/24');
    expect(flagged[0]!.ipHash).not.toContain('100.64');

    // Push the window to the extreme threshold: the next signature is refused and not stored.
    const windowMs = SIGN_LIMIT_WINDOW_SECONDS * 1000;
    const windowStart = new Date(Math.floor(carrier.now.getTime() / windowMs) * windowMs);
    await db.rateLimitCounter.update({
      where: { key_windowStart: { key: `petition-sign:ip:${hashAddress(carrier.clientAddress)}`, windowStart } },
      data: { hits: SIGN_LIMIT_EXTREME },
    });
    expect(await signPetition(petition.slug, signer('one.more@example.org'), carrier)).toBe('rate-limited');
    expect(await db.signature.count({ where: { emailIndex: await emailIndexOf('one.more@example.org') } })).toBe(0);
    // Other addresses are unaffected.
    expect(await signPetition(petition.slug, signer('one.more@example.org'), here)).toBe('accepted');
  });
});

describe('confirmation mails', () => {
  it('mails a confirmation with a fresh token, re-sends on a repeat, at most five times in all', async () => {
    const petition = await createPetition();
    const email = 'resend@example.org';
    const start = Date.now();
    await signPetition(petition.slug, signer(email), here);
    await sendSignatureMails();
    expect((await outboxTo(email)).length).toBe(1);
    const first = await latestToken(email);
    expect(first.template).toBe('petition-confirm');

    // Signing again at once sends nothing new (bounded in time)…
    await signPetition(petition.slug, signer(email), { ...here, now: new Date(start + 10_000) });
    await sendSignatureMails();
    expect((await outboxTo(email)).length).toBe(1);
    // …later it does, with a new token that replaces the old one.
    for (let i = 1; i <= 8; i += 1) {
      await signPetition(petition.slug, signer(email), { ...here, now: new Date(start + i * 120_000) });
      await db.signature.updateMany({
        where: { emailIndex: await emailIndexOf(email) },
        data: { lastMailAt: new Date(start + i * 120_000 - 1) },
      });
      await sendSignatureMails();
    }
    const row = await db.signature.findFirstOrThrow({ where: { emailIndex: await emailIndexOf(email) } });
    expect(row.mailsSent).toBe(MAX_MAILS_PER_SIGNATURE);
    expect((await outboxTo(email)).length).toBe(MAX_MAILS_PER_SIGNATURE);
    expect((await latestToken(email)).token).not.toBe(first.token);
  });
});
