import { outboxTo } from '@/tests/support/personal-data';
import { afterAll, describe, expect, it } from 'vitest';
import { deliverSignInLink, landingLinkFor } from '@/lib/auth/deliver-sign-in-link';
import { allowSignInRequest, SIGN_IN_MAILS_PER_ADDRESS_PER_HOUR } from '@/lib/auth/sign-in-guards';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

afterAll(() => db.$disconnect());

const token = 'a'.repeat(64);
const callbackLink = (email: string, locale = 'ru') =>
  `${env.APP_URL}/api/auth/callback/email?${new URLSearchParams({
    callbackUrl: `${env.APP_URL}/${locale}/console`,
    token,
    email,
  })}`;

describe('landingLinkFor', () => {
  it('points at the landing page of the callback locale, never at the consuming callback', () => {
    const { link, locale } = landingLinkFor(callbackLink('someone@example.org', 'kk'));
    const url = new URL(link);
    expect(locale).toBe('kk');
    expect(url.pathname).toBe('/kk/login/confirm');
    expect(url.searchParams.get('token')).toBe(token);
    expect(url.searchParams.get('email')).toBe('someone@example.org');
    expect(link).not.toContain('/api/auth/callback');
  });
});

describe('deliverSignInLink', () => {
  it('mails an invited organizer the landing link', async () => {
    await db.user.create({ data: { email: 'invited@example.org' } });
    const sent = await deliverSignInLink({
      identifier: 'invited@example.org',
      url: callbackLink('invited@example.org'),
      expires: new Date(Date.now() + 600_000),
    });
    expect(sent).toBe(true);
    const mail = (await outboxTo('invited@example.org'))[0]!;
    expect(mail?.template).toBe('sign-in-link');
  });

  it('sends nothing to an unknown address and drops its token', async () => {
    await db.verificationToken.create({
      data: { identifier: 'stranger@example.org', token: 'hashed-token', expires: new Date(Date.now() + 600_000) },
    });
    const sent = await deliverSignInLink({
      identifier: 'stranger@example.org',
      url: callbackLink('stranger@example.org'),
      expires: new Date(Date.now() + 600_000),
    });
    expect(sent).toBe(false);
    expect((await outboxTo('stranger@example.org')).length).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: 'stranger@example.org' } })).toBe(0);
  });
});

describe('allowSignInRequest', () => {
  it('allows five requests an hour per address, whoever asks', async () => {
    const results = [];
    for (let i = 0; i <= SIGN_IN_MAILS_PER_ADDRESS_PER_HOUR; i++) {
      results.push(await allowSignInRequest('busy@example.org', `10.0.0.${i}`));
    }
    expect(results).toEqual([true, true, true, true, true, false]);
    expect(await allowSignInRequest('other@example.org', '10.0.0.99')).toBe(true);
  });

  it('allows twenty requests an hour per IP address, whatever the address', async () => {
    const results = [];
    for (let i = 0; i < 21; i++) results.push(await allowSignInRequest(`person${i}@example.org`, '192.0.2.7'));
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(results.at(-1)).toBe(false);
  });
});
