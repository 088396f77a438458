'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { AUTH_COOKIE_SECURE, SESSION_COOKIE_NAME } from '@/lib/auth';
import { endSession } from '@/lib/auth/end-session';
import { readLocale } from '@/lib/validation';

export async function signOutAction(rawLocale: string): Promise<void> {
  const locale = readLocale(rawLocale);
  const jar = await cookies();
  await endSession(jar.get(SESSION_COOKIE_NAME)?.value);
  jar.set(SESSION_COOKIE_NAME, '', {
    path: '/',
    maxAge: 0,
    httpOnly: true,
    sameSite: 'lax',
    secure: AUTH_COOKIE_SECURE,
  });
  redirect(`/${locale}/login`);
}
