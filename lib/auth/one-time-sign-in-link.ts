import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { env, requireAuthSecret } from '@/lib/env';
import type { Locale } from '@/lib/generated/prisma/enums';
import { EmailSchema } from '@/lib/validation';

/**
 * A sign-in link made without mail, for the terminal of a zero-config start: the first admin cannot
 * read the Mailbox before signing in. It is a next-auth email token like a mailed one (stored as
 * sha256(token + secret), consumed once by next-auth's callback) and leads to the same landing page,
 * whose button POSTs it.
 */
export async function createOneTimeSignInLink(
  rawEmail: string,
  { locale = 'en', validMinutes = 15, now = new Date() }: { locale?: Locale; validMinutes?: number; now?: Date } = {},
): Promise<{ url: string; expires: Date }> {
  const email = EmailSchema.parse(rawEmail);
  const token = randomBytes(32).toString('hex');
  const expires = new Date(now.getTime() + validMinutes * 60_000);
  await db.verificationToken.create({
    data: { identifier: email, token: createHash('sha256').update(`${token}${requireAuthSecret()}`).digest('hex'), expires },
  });
  const url = new URL(`/${locale}/login/confirm`, env.APP_URL);
  url.searchParams.set('token', token);
  url.searchParams.set('email', email);
  url.searchParams.set('callbackUrl', new URL(`/${locale}/console`, env.APP_URL).toString());
  return { url: url.toString(), expires };
}
