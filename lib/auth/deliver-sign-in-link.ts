import { after } from 'next/server';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/generated/prisma/enums';
import { spendMailBudget } from '@/lib/mail-budget';
import { sendMail } from '@/lib/mailer';
import { requestLogger } from '@/lib/request-logger';
import { LOCALES } from '@/lib/validation';

type VerificationRequest = { identifier: string; url: string; expires: Date };

/**
 * The mailed link opens a landing page instead of next-auth's callback: mail scanners fetch
 * links in advance and a GET of the callback would burn the single-use token. The landing page
 * consumes it only when the person presses its button (a POST).
 */
export function landingLinkFor(callbackLink: string): { link: string; locale: Locale } {
  const source = new URL(callbackLink);
  const callbackUrl = source.searchParams.get('callbackUrl') ?? '';
  const firstSegment = callbackUrl ? new URL(callbackUrl, env.APP_URL).pathname.split('/')[1] : undefined;
  const locale = LOCALES.find((l) => l === firstSegment) ?? LOCALES[0];

  const landing = new URL(`/${locale}/login/confirm`, env.APP_URL);
  for (const name of ['token', 'email', 'callbackUrl']) {
    const value = source.searchParams.get(name);
    if (value) landing.searchParams.set(name, value);
  }
  return { link: landing.toString(), locale };
}

/** Mails the link if the address belongs to an organizer; for any other address, sends nothing. */
export async function deliverSignInLink(request: VerificationRequest): Promise<boolean> {
  const email = request.identifier.toLowerCase();
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) {
    // The token was made only so unknown addresses cost the same as known ones; drop it.
    await db.verificationToken.deleteMany({ where: { identifier: email } });
    return false;
  }
  // Over the address's mail budget (lib/mail-budget.ts) nothing is mailed: the links mailed before
  // keep working, and this request's token, never sent, expires unused.
  if (!(await spendMailBudget(email))) return false;
  const { link, locale } = landingLinkFor(request.url);
  await sendMail({
    to: email,
    locale,
    template: 'sign-in-link',
    props: { url: link, expiresInMinutes: Math.max(1, Math.round((request.expires.getTime() - Date.now()) / 60_000)) },
  });
  return true;
}

/**
 * next-auth's sendVerificationRequest: the answer to the browser must not wait for the lookup or
 * the mail (that would time-leak which addresses are invited), so the work runs after the response.
 */
export async function scheduleSignInLink(request: VerificationRequest): Promise<void> {
  const authLog = await requestLogger('auth');
  const work = () =>
    deliverSignInLink(request).catch((error: unknown) => {
      authLog.error({ err: error }, 'sign-in link delivery failed');
    });
  try {
    after(work);
  } catch {
    // Outside a request (scripts, tests) there is no "after": deliver now.
    await work();
  }
}
