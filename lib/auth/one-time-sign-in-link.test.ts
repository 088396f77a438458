import NextAuth from 'next-auth/next';
import { afterAll, describe, expect, it } from 'vitest';
import { authOptions, SESSION_COOKIE_NAME } from '@/lib/auth';
import { createOneTimeSignInLink } from '@/lib/auth/one-time-sign-in-link';
import { captureResponse } from '@/lib/auth/request-sign-in-link';
import { db } from '@/lib/db';

afterAll(() => db.$disconnect());

/** next-auth's real email callback, in-process, as /api/auth-confirm hands the landing page's POST to it. */
async function consume(link: string, cookies: Record<string, string> = {}): Promise<string> {
  const url = new URL(link);
  const response = captureResponse();
  await NextAuth(
    {
      method: 'GET',
      query: {
        nextauth: ['callback', 'email'],
        token: url.searchParams.get('token'),
        email: url.searchParams.get('email'),
        callbackUrl: url.searchParams.get('callbackUrl'),
      },
      headers: {},
      cookies,
    } as never,
    response as never,
    authOptions,
  );
  return String(response.headers.location ?? '');
}

describe('the sign-in link printed at a zero-config start', () => {
  it('signs the admin in once, even from a browser that holds the cookie of a session that is gone', async () => {
    const admin = await db.user.create({ data: { email: 'first-admin@example.org', role: 'ADMIN' } });
    const now = Date.now();
    const { url, expires } = await createOneTimeSignInLink('First-Admin@example.org', { validMinutes: 15 });
    expect(new URL(url).pathname).toBe('/en/login/confirm');
    expect(expires.getTime() - now).toBeGreaterThan(14 * 60_000);
    expect(expires.getTime() - now).toBeLessThanOrEqual(15 * 60_000 + 1_000);
    // Only a hash is stored: the token in the link is not in the database.
    const token = new URL(url).searchParams.get('token')!;
    expect(await db.verificationToken.count({ where: { token } })).toBe(0);

    const location = await consume(url, { [SESSION_COOKIE_NAME]: 'a-session-that-no-longer-exists' });
    expect(location).not.toContain('error=');
    expect(new URL(location).pathname).toBe('/en/console');
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(1);

    const second = await consume(url);
    expect(second).toContain('error=');
    expect(await db.session.count({ where: { userId: admin.id } })).toBe(1);
  });

  it('is refused after it expires', async () => {
    await db.user.create({ data: { email: 'late-admin@example.org', role: 'ADMIN' } });
    const { url } = await createOneTimeSignInLink('late-admin@example.org', { validMinutes: 15, now: new Date(Date.now() - 16 * 60_000) });
    expect(await consume(url)).toContain('error=');
  });
});
