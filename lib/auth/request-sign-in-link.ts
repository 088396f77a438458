import { createHash, randomBytes } from 'node:crypto';
import NextAuth from 'next-auth/next';
import { authOptions, CSRF_COOKIE_NAME } from '@/lib/auth';
import { env, requireAuthSecret } from '@/lib/env';
import type { Locale } from '@/lib/generated/prisma/enums';
import { requestLogger } from '@/lib/request-logger';

type Headers = Record<string, string | string[] | undefined>;

/** The minimum of Node's ServerResponse that next-auth's API handler uses. */
export function captureResponse() {
  const headers: Headers = {};
  const response = {
    statusCode: 200,
    status(code: number) {
      response.statusCode = code;
      return response;
    },
    setHeader(name: string, value: string | string[]) {
      headers[name.toLowerCase()] = value;
      return response;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    end: () => response,
    send: () => response,
    json: () => response,
    headers,
  };
  return response;
}

/**
 * Runs next-auth's email sign-in (signIn callback with the rate limits, token, sendVerificationRequest)
 * from a server action, in-process. next-auth 4 has no server-side signIn(); its route expects a
 * double-submit CSRF token, which a server action (already Origin-checked by Next) mints the way
 * next-auth does: the cookie holds `token|sha256(token + secret)` and the body the token.
 */
export async function requestSignInLink(input: { email: string; locale: Locale }): Promise<void> {
  const csrfToken = randomBytes(32).toString('hex');
  const csrfHash = createHash('sha256').update(`${csrfToken}${requireAuthSecret()}`).digest('hex');
  const response = captureResponse();

  await NextAuth(
    {
      method: 'POST',
      query: { nextauth: ['signin', 'email'] },
      headers: {},
      cookies: { [CSRF_COOKIE_NAME]: `${csrfToken}|${csrfHash}` },
      body: {
        email: input.email,
        csrfToken,
        callbackUrl: new URL(`/${input.locale}/console`, env.APP_URL).toString(),
      },
    } as never,
    response as never,
    authOptions,
  );

  const location = String(response.headers.location ?? '');
  if (location.includes('error=') || location.includes('csrf=true')) {
    // A configuration problem, not the person's: the page still answers neutrally.
    (await requestLogger('auth')).error({ location }, 'a sign-in request ended in an error');
  }
}
