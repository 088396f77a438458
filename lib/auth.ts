import { PrismaAdapter } from '@next-auth/prisma-adapter';
import type { NextAuthOptions } from 'next-auth';
import type { Adapter } from 'next-auth/adapters';
import EmailProvider from 'next-auth/providers/email';
import { getLocale } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import { recordAudit } from '@/lib/audit';
import { readOrganizerSession, type OrganizerSession } from '@/lib/auth/organizer-session';
import { isFreshSecondFactor } from '@/lib/auth/step-up';
import { clientAddressFrom } from '@/lib/client-ip';
import { addressPrefix } from '@/lib/security/client-address';
import { allowSignInRequest, isRegisteredEmail } from '@/lib/auth/sign-in-guards';
import { scheduleSignInLink } from '@/lib/auth/deliver-sign-in-link';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import { EmailSchema, LOCALES } from '@/lib/validation';

/** Mailed links work for 10 minutes, once (next-auth deletes the token when it is used). */
export const SIGN_IN_LINK_MAX_AGE_SECONDS = 10 * 60;
/**
 * next-auth's own bound on a session (and its cookie's lifetime): the longest an admin may set. The
 * lifetime and idle time actually applied are settings (lib/auth/security-settings.ts), checked on
 * every request in lib/auth/organizer-session.ts.
 */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
export const SESSION_UPDATE_AGE_SECONDS = 15 * 60;

const useSecureCookies = env.APP_URL.startsWith('https://');
/** next-auth's cookie names; the `__Secure-`/`__Host-` prefixes apply on https. */
export const SESSION_COOKIE_NAME = `${useSecureCookies ? '__Secure-' : ''}next-auth.session-token`;
export const CSRF_COOKIE_NAME = `${useSecureCookies ? '__Host-' : ''}next-auth.csrf-token`;
export const AUTH_COOKIE_SECURE = useSecureCookies;

/** The neutral "check your mail" page, identical for known, unknown and rate-limited addresses. */
const CHECK_EMAIL_PATH = '/login/check-email';

// The adapter is typed against @prisma/client; ours is generated into lib/generated.
const prismaAdapter = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);

const adapter: Adapter = {
  ...prismaAdapter,
  // Only invited addresses exist in User; a sign-in must never create one.
  createUser: async () => {
    throw new AppError('FORBIDDEN');
  },
  // A browser may still hold the cookie of a session that is gone (signed out elsewhere, organizer
  // removed); next-auth deletes it before a new sign-in, and the stock adapter then threw, which
  // ended a valid link at error=Callback.
  deleteSession: async (sessionToken) => {
    await db.session.deleteMany({ where: { sessionToken } });
  },
};

export const authOptions: NextAuthOptions = {
  secret: env.AUTH_SECRET,
  adapter,
  useSecureCookies,
  session: {
    strategy: 'database',
    maxAge: SESSION_MAX_AGE_SECONDS,
    updateAge: SESSION_UPDATE_AGE_SECONDS,
  },
  providers: [
    EmailProvider({
      maxAge: SIGN_IN_LINK_MAX_AGE_SECONDS,
      // The transport is unused: sendVerificationRequest goes through lib/mailer.
      server: 'smtp://127.0.0.1:25',
      from: env.MAIL_FROM,
      sendVerificationRequest: ({ identifier, url, expires }) => scheduleSignInLink({ identifier, url, expires }),
      // The login form's rule, also for POSTs straight to /api/auth/signin/email: a malformed
      // address (a NUL would reach PostgreSQL) throws, which next-auth answers with its error page.
      normalizeIdentifier: (identifier) => {
        const parsed = EmailSchema.safeParse(identifier);
        if (!parsed.success) throw new Error('Invalid email address');
        return parsed.data;
      },
    }),
  ],
  pages: {
    signIn: '/login',
    error: '/login',
    verifyRequest: CHECK_EMAIL_PATH,
  },
  callbacks: {
    async signIn({ user, email }) {
      if (email?.verificationRequest) {
        // Every address takes the same path here (a token is made for unknown ones too and never
        // mailed), so neither the answer nor its timing tells whether an address is invited.
        return (await allowSignInRequest(user.email ?? '')) ? true : CHECK_EMAIL_PATH;
      }
      return isRegisteredEmail(user.email ?? '');
    },
    async session({ session, user }) {
      const role = (user as { role?: Role }).role ?? 'ORGANIZER';
      return { ...session, user: { id: user.id, email: user.email, role } };
    },
  },
  events: {
    async signIn({ user }) {
      await recordAudit({ actorId: user.id, action: 'auth.login', subjectType: 'User', subjectId: user.id });
    },
  },
};

/** A signed-in organizer whose session is complete: second factor passed (or not needed), as read from the database. */
export type Organizer = OrganizerSession & { gate: 'open' };

/** The session behind the request's cookie, whatever its gate. Deduplicated per request. */
export const getOrganizerSession = cache(async (): Promise<OrganizerSession | null> => {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  return readOrganizerSession(jar.get(SESSION_COOKIE_NAME)?.value, {
    userAgent: requestHeaders.get('user-agent'),
    addressPrefix: addressPrefix(clientAddressFrom(requestHeaders)),
  });
});

/** The signed-in organizer whose session reaches the console, or null. */
export async function getOrganizer(): Promise<Organizer | null> {
  const session = await getOrganizerSession();
  return session?.gate === 'open' ? (session as Organizer) : null;
}

/** The second-factor page of a locale; `next` is where to return (a console page or export). */
export function verifyPath(locale: string, next?: string): string {
  return `/${locale}/login/verify${next ? `?next=${encodeURIComponent(next)}` : ''}`;
}

export function enrolPath(locale: string): string {
  return `/${locale}/login/enrol`;
}

async function currentLocale(locale?: string): Promise<string> {
  const candidate = locale ?? (await getLocale().catch(() => undefined));
  return LOCALES.find((l) => l === candidate) ?? LOCALES[0];
}

/** For pages and layouts: the organizer, or a redirect to the sign-in page of the locale. */
export async function requireOrganizer(locale?: string): Promise<Organizer> {
  const session = await getOrganizerSession();
  const at = await currentLocale(locale);
  if (!session) redirect(`/${at}/login`);
  if (session.gate === 'verify') redirect(verifyPath(at));
  if (session.gate === 'enrol') redirect(enrolPath(at));
  return session as Organizer;
}

/** For pages: an admin, or a redirect (to sign-in when anonymous, to the dashboard otherwise). */
export async function requireAdmin(locale?: string): Promise<Organizer> {
  const organizer = await requireOrganizer(locale);
  if (organizer.role !== 'ADMIN') redirect(`/${await currentLocale(locale)}/console`);
  return organizer;
}

/**
 * For server actions: the organizer, or Next.js answers 401 at once (anonymous, or a session that has
 * not passed its second factor). Anonymous calls are expected (replayed or forged requests), so they
 * are refused quietly: no 500, no stack. `admin`: others get 403. `freshFactor` (dangerous acts):
 * without a second factor in the last 10 minutes the organizer is sent to confirm it is them, then
 * back to the page they acted from; the domain function checks again where the data is touched.
 */
export async function requireOrganizerForAction(options: { admin?: boolean; freshFactor?: boolean } = {}): Promise<Organizer> {
  const organizer = await getOrganizer();
  if (!organizer) unauthorized();
  if (options.admin && organizer.role !== 'ADMIN') forbidden();
  if (options.freshFactor && !isFreshSecondFactor(organizer.secondFactorAt)) {
    const from = await refererPath();
    redirect(verifyPath(await currentLocale(localeOfPath(from)), from ?? undefined));
  }
  return organizer;
}

/** The same-site path of the page a request came from, or null. */
async function refererPath(): Promise<string | null> {
  const referer = (await headers()).get('referer');
  if (!referer) return null;
  const url = URL.canParse(referer) ? new URL(referer) : null;
  return url && url.origin === new URL(env.APP_URL).origin ? `${url.pathname}${url.search}` : null;
}

function localeOfPath(path: string | null): string | undefined {
  return path ? /^\/([a-z]{2})(?:\/|$)/.exec(path)?.[1] : undefined;
}

/** For the second-factor pages and their actions: any signed-in session, whatever its gate, or a 401. */
export async function requireSignedInForAction(): Promise<OrganizerSession> {
  const session = await getOrganizerSession();
  if (!session) unauthorized();
  return session;
}

/**
 * For server actions of dangerous acts: unless this session passed a second factor within the
 * step-up window, the organizer is sent to confirm it is them, then back to `returnTo`. The domain
 * function checks again where the data is touched.
 */
export async function requireFreshSecondFactor(organizer: Organizer, locale: string, returnTo: string): Promise<void> {
  if (!isFreshSecondFactor(organizer.secondFactorAt)) redirect(verifyPath(locale, returnTo));
}

/** For server actions: an admin, or Next.js answers 401 (anonymous) or 403. */
export async function requireAdminForAction(options: { freshFactor?: boolean } = {}): Promise<Organizer> {
  return requireOrganizerForAction({ ...options, admin: true });
}

/**
 * For route handlers: the organizer, or a Response to return as it is: 401/403, or, for a download
 * of personal data (`freshFactor`) without a recent second factor, a redirect to confirm it first
 * and come back to the same address.
 */
export async function requireOrganizerForRoute(
  options: { admin?: boolean; freshFactor?: { request: Request } } = {},
): Promise<Organizer | Response> {
  const organizer = await getOrganizer();
  if (!organizer) return new Response('Unauthorized', { status: 401 });
  if (options.admin && organizer.role !== 'ADMIN') return new Response('Forbidden', { status: 403 });
  if (options.freshFactor && !isFreshSecondFactor(organizer.secondFactorAt)) {
    const url = new URL(options.freshFactor.request.url);
    const back = `${url.pathname}${url.search}`;
    // The page the download was asked from names the language (route handlers have no locale of their own).
    const locale = await currentLocale(localeOfPath(await refererPath()));
    return new Response(null, { status: 303, headers: { Location: verifyPath(locale, back), 'Cache-Control': 'no-store' } });
  }
  return organizer;
}
