import { randomUUID } from 'node:crypto';
import type { BrowserContext } from '@playwright/test';
import { withDatabase } from './mail';

/**
 * A database session for an existing user, made the way next-auth makes one, without the mail round
 * trip; by default one that has just passed a second factor (as after a passkey or app code).
 * Returns the session cookie's value.
 */
export async function createSessionFor(
  email: string,
  {
    secondFactorMinutesAgo = 0,
  }: { /** When the session passed a second factor; null: never. */ secondFactorMinutesAgo?: number | null } = {},
): Promise<string> {
  const sessionToken = randomUUID();
  await withDatabase(async (client) => {
    const { rows } = await client.query<{ id: string }>('SELECT id FROM "User" WHERE email = $1', [email.toLowerCase()]);
    if (!rows[0]) throw new Error(`${email} is not an organizer`);
    await client.query(
      `INSERT INTO "Session" (id, "sessionToken", "userId", expires, "secondFactorAt")
       VALUES ($1, $2, $3, now() + interval '8 hours', now() - make_interval(mins => $4::int))`,
      [randomUUID(), sessionToken, rows[0].id, secondFactorMinutesAgo],
    );
  });
  return sessionToken;
}

/** The session cookie as a browser holds it. */
export function sessionCookie(baseURL: string, sessionToken: string) {
  const url = new URL(baseURL);
  return {
    name: `${url.protocol === 'https:' ? '__Secure-' : ''}next-auth.session-token`,
    value: sessionToken,
    domain: url.hostname,
    path: '/',
    httpOnly: true,
    sameSite: 'Lax' as const,
    secure: url.protocol === 'https:',
  };
}

/**
 * Signs a browser context in as an existing user (see createSessionFor). For specs about other
 * capabilities: the sign-in itself is covered by organizer-login.spec.ts and second-factor.spec.ts,
 * and skipping it keeps them clear of its rate limits.
 */
export async function signInAs(
  context: BrowserContext,
  baseURL: string,
  email: string,
  options: Parameters<typeof createSessionFor>[1] = {},
): Promise<string> {
  const sessionToken = await createSessionFor(email, options);
  await context.addCookies([sessionCookie(baseURL, sessionToken)]);
  return sessionToken;
}

/** Adds an organizer straight to the database (what an admin's invitation does, minus the mail). */
export async function createOrganizer(email: string, role: 'ADMIN' | 'ORGANIZER' = 'ORGANIZER'): Promise<void> {
  await withDatabase((client) =>
    client.query(`INSERT INTO "User" (id, email, role, "createdAt") VALUES ($1, $2, $3, now())`, [randomUUID(), email.toLowerCase(), role]),
  );
}
