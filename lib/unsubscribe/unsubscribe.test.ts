import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { POST, GET } from '@/app/api/unsubscribe/route';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { reformTopic } from '@/lib/reforms/constants';
import { findUnsubscribeSubject } from '@/lib/unsubscribe/queries';
import { createUnsubscribeToken, oneClickUnsubscribeUrl, verifyUnsubscribeToken } from '@/lib/unsubscribe/tokens';
import { unsubscribeWithToken } from '@/lib/unsubscribe/unsubscribe';
import { createReform } from '@/tests/reforms/helpers/fixtures';
import { sealedSupporter } from '@/tests/support/personal-data';

function oneClick(url: string, body = 'List-Unsubscribe=One-Click') {
  return POST(new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body }));
}

async function topicsOf(supporterId: string) {
  const rows = await db.unsubscribe.findMany({ where: { supporterId }, select: { topic: true }, orderBy: { topic: 'asc' } });
  return rows.map((row) => row.topic);
}

describe('unsubscribe tokens', () => {
  it('round-trips the supporter and topic', () => {
    const token = createUnsubscribeToken({ supporterId: 'sup_123', topic: 'campaigns' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(verifyUnsubscribeToken(token)).toEqual({ supporterId: 'sup_123', topic: 'campaigns' });
  });

  it('rejects tampered, truncated, foreign and malformed tokens', () => {
    const token = createUnsubscribeToken({ supporterId: 'sup_123', topic: 'campaigns' });
    const [payload, mac] = token.split('.') as [string, string];
    const otherPayload = Buffer.from(JSON.stringify({ s: 'sup_999', t: 'campaigns' })).toString('base64url');
    const flipped = mac.slice(0, -2) + (mac.at(-2) === 'A' ? 'B' : 'A') + mac.at(-1);
    const foreignMac = createHmac('sha256', 'another-secret-of-at-least-32-characters')
      .update(`dauys.unsubscribe.v1.${payload}`)
      .digest('base64url');

    expect(verifyUnsubscribeToken(`${otherPayload}.${mac}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.${flipped}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.${mac.slice(0, 10)}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${payload}.${foreignMac}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}.extra`)).toBeNull();
    expect(verifyUnsubscribeToken('not-a-token')).toBeNull();
    expect(verifyUnsubscribeToken('')).toBeNull();
    expect(verifyUnsubscribeToken(null)).toBeNull();
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  it('unsubscribes on POST at once, and a second POST changes nothing', async () => {
    const supporter = await db.supporter.create({ data: { ...(await sealedSupporter('one-click@example.org')), locale: 'kk' } });
    const url = oneClickUnsubscribeUrl({ supporterId: supporter.id, topic: 'campaigns' });

    const first = await oneClick(url);
    expect(first.status).toBe(200);
    expect(await topicsOf(supporter.id)).toEqual(['campaigns']);

    const second = await oneClick(url);
    expect(second.status).toBe(200);
    expect(await topicsOf(supporter.id)).toEqual(['campaigns']);
  });

  it('answers an invalid token or a wrong body with a localised 400 and changes nothing', async () => {
    const supporter = await db.supporter.create({ data: { ...(await sealedSupporter('tampered@example.org')), locale: 'ru' } });
    const url = oneClickUnsubscribeUrl({ supporterId: supporter.id, topic: 'campaigns' });

    const tampered = await POST(
      new Request(`${url.slice(0, -3)}xyz`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept-Language': 'ru-RU,ru;q=0.9' },
        body: 'List-Unsubscribe=One-Click',
      }),
    );
    expect(tampered.status).toBe(400);
    expect(await tampered.text()).toBe('Ссылка для отписки недействительна.');

    expect((await oneClick(url, 'something=else')).status).toBe(400);
    expect(await topicsOf(supporter.id)).toEqual([]);
  });

  it('redirects a GET (a person or a link scanner) to the page in the supporter language without unsubscribing', async () => {
    const supporter = await db.supporter.create({ data: { ...(await sealedSupporter('scanner@example.org')), locale: 'ru' } });
    const token = createUnsubscribeToken({ supporterId: supporter.id, topic: 'campaigns' });

    const response = await GET(new Request(`${env.APP_URL}/api/unsubscribe?token=${token}`));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${env.APP_URL.replace(/\/$/, '')}/ru/unsubscribe?token=${token}`);
    expect(await topicsOf(supporter.id)).toEqual([]);
  });
});

describe('unsubscribing from the page', () => {
  it('unsubscribes from the topic, then from everything, idempotently', async () => {
    const supporter = await db.supporter.create({ data: { ...(await sealedSupporter('page@example.org')), locale: 'en' } });
    const token = createUnsubscribeToken({ supporterId: supporter.id, topic: 'reforms' });

    await unsubscribeWithToken(token, 'topic');
    await unsubscribeWithToken(token, 'topic');
    expect(await topicsOf(supporter.id)).toEqual(['reforms']);
    expect(await unsubscribeWithToken(token, 'all')).toEqual({ supporterId: supporter.id, topic: 'all' });
    expect(await topicsOf(supporter.id)).toEqual(['all', 'reforms']);
  });

  it('throws INVALID for a bad token', async () => {
    const error = await unsubscribeWithToken('bad.token', 'topic').catch((e: unknown) => e);
    expect(isAppError(error, 'INVALID')).toBe(true);
  });
});

describe('what the unsubscribe page names', () => {
  it("names one reform's alerts by the reform's title in the page's language", async () => {
    const reform = await createReform('unsubscribe-names-it', { kk: 'Қорғау туралы заң', ru: 'Закон о защите', en: 'Protection law' });
    const topic = reformTopic(reform.id);
    expect(await findUnsubscribeSubject(topic, 'kk')).toEqual({ topic: 'reforms', reformTitle: 'Қорғау туралы заң' });
    expect(await findUnsubscribeSubject(topic, 'ru')).toEqual({ topic: 'reforms', reformTitle: 'Закон о защите' });
    expect(await findUnsubscribeSubject(topic, 'en')).toEqual({ topic: 'reforms', reformTitle: 'Protection law' });
  });

  it('says "reforms" once the reform is deleted, and leaves other topics as they are', async () => {
    expect(await findUnsubscribeSubject(reformTopic('deletedreform'), 'ru')).toEqual({ topic: 'reforms', reformTitle: null });
    expect(await findUnsubscribeSubject('campaigns', 'ru')).toEqual({ topic: 'campaigns', reformTitle: null });
    expect(await findUnsubscribeSubject('all', 'kk')).toEqual({ topic: 'all', reformTitle: null });
  });
});
