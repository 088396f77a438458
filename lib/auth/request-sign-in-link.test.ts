import { outboxTo } from '@/tests/support/personal-data';
import { afterAll, describe, expect, it } from 'vitest';
import { requestSignInLink } from '@/lib/auth/request-sign-in-link';
import { db } from '@/lib/db';

afterAll(() => db.$disconnect());

/*
 * Drives next-auth's real email sign-in (callbacks, adapter, token hashing) in-process. Outside a
 * request there is no `after()`, so delivery happens before requestSignInLink returns.
 */
describe('requestSignInLink', () => {
  it('stores a hashed, 10-minute token and mails an invited organizer', async () => {
    await db.user.create({ data: { email: 'known@example.org' } });
    const before = Date.now();
    await requestSignInLink({ email: 'Known@Example.org', locale: 'en' });

    const [token] = await db.verificationToken.findMany({ where: { identifier: 'known@example.org' } });
    expect(token).toBeDefined();
    expect(token!.token).toMatch(/^[a-f0-9]{64}$/);
    const lifetime = token!.expires.getTime() - before;
    expect(lifetime).toBeGreaterThan(9 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(10 * 60_000 + 1_000);
    expect((await outboxTo('known@example.org', { template: 'sign-in-link' })).length).toBe(1);
  });

  it('for an unknown address, leaves neither a token nor a mail, and creates no user', async () => {
    await requestSignInLink({ email: 'unknown@example.org', locale: 'kk' });

    expect(await db.verificationToken.count({ where: { identifier: 'unknown@example.org' } })).toBe(0);
    expect((await outboxTo('unknown@example.org')).length).toBe(0);
    expect(await db.user.count({ where: { email: 'unknown@example.org' } })).toBe(0);
  });

  it('stops mailing an address after five requests in an hour', async () => {
    await db.user.create({ data: { email: 'eager@example.org' } });
    for (let i = 0; i < 7; i++) await requestSignInLink({ email: 'eager@example.org', locale: 'ru' });

    expect((await outboxTo('eager@example.org')).length).toBe(5);
    expect(await db.verificationToken.count({ where: { identifier: 'eager@example.org' } })).toBe(5);
  });
});
