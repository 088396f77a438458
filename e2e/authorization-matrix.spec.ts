import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import { ROUTE_HANDLERS, SERVER_ACTIONS, type Access } from '../tests/support/authorization-matrix';
import { createOrganizer, createSessionFor, sessionCookie } from './helpers/auth';
import { withDatabase } from './helpers/mail';

/*
 * The authorization matrix against the running build: every server action the build contains is
 * called over HTTP, as a forged request would call it (its id, no arguments), by each kind of caller
 * that must be refused. The guards run before anything is read or written, so a refusal is the answer.
 */

type BuiltAction = { id: string; key: string; access: Access | undefined; page: string };

/** The build's own list of server actions, with a page that carries each. */
function builtActions(): BuiltAction[] {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, action]) => {
    const key = `${action.filename}#${action.exportedName}`;
    const worker = Object.keys(action.workers)[0] ?? 'app/[locale]/page';
    const page = worker
      .replace(/^app/, '')
      .replace(/\/page$/, '')
      .replace('[locale]', 'en')
      .replace(/\/\([^)]+\)/g, '')
      .replace(/\[[^\]]+\]/g, 'x');
    return { id, key, access: SERVER_ACTIONS[key], page: page || '/en' };
  });
}

const RESTRICTED: Access[] = ['signed-in', 'organizer', 'organizer-step-up', 'organizer-step-up-large', 'admin', 'admin-step-up'];
const ADMIN_LEVEL: Access[] = ['admin', 'admin-step-up'];
const STEP_UP: Access[] = ['organizer-step-up', 'admin-step-up'];

type Answer = { status: number; redirect: string };

async function callAction(request: APIRequestContext, baseURL: string, action: BuiltAction): Promise<Answer> {
  const response = await request.post(action.page, {
    headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component', Origin: baseURL },
    data: '[]',
    maxRedirects: 0,
  });
  const headers = response.headers();
  return { status: response.status(), redirect: headers['x-action-redirect'] ?? headers.location ?? '' };
}

/** A request context with the given session cookie (or none). */
async function caller(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, sessionToken?: string) {
  const cookies = sessionToken ? [{ ...sessionCookie(baseURL, sessionToken), expires: -1 }] : [];
  return playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
}

/** A session token for a new organizer: `secondFactorMinutesAgo` null and a passkey means "not yet verified". */
async function sessionOf(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string,
  role: 'ADMIN' | 'ORGANIZER',
  secondFactorMinutesAgo: number | null,
  withPasskey = false,
) {
  const email = `matrix-${role.toLowerCase()}-${randomUUID()}@example.org`;
  await createOrganizer(email, role);
  if (withPasskey) {
    await withDatabase((client) =>
      client.query(
        `INSERT INTO "Passkey" (id, "userId", "credentialId", "publicKey", name) SELECT $1, id, $2, '\\x01', 'Phone' FROM "User" WHERE email = $3`,
        [randomUUID(), randomUUID(), email],
      ),
    );
  }
  return caller(playwright, baseURL, await createSessionFor(email, { secondFactorMinutesAgo }));
}

const refusedAsStranger = ({ status, redirect }: Answer) => status === 401 || /\/login(\/verify)?(\?|$|;)/.test(redirect);

test('every server action in the build is classified in the authorization matrix', () => {
  const unclassified = builtActions().filter((action) => !action.access);
  expect(unclassified.map((action) => action.key)).toEqual([]);
});

test('anonymous callers and sessions that have not passed their second factor are refused every console action', async ({
  playwright,
  baseURL,
}) => {
  const anonymous = await caller(playwright, baseURL!);
  const unverified = await sessionOf(playwright, baseURL!, 'ADMIN', null, true);
  const accepted: string[] = [];
  for (const action of builtActions().filter((a) => RESTRICTED.includes(a.access!))) {
    if (!refusedAsStranger(await callAction(anonymous, baseURL!, action))) accepted.push(`anonymous → ${action.key}`);
    if (action.access !== 'signed-in' && !refusedAsStranger(await callAction(unverified, baseURL!, action))) {
      accepted.push(`unverified → ${action.key}`);
    }
  }
  expect(accepted).toEqual([]);
  for (const [key, access] of Object.entries(ROUTE_HANDLERS).filter(([, access]) => access !== 'public')) {
    const path = key
      .replace(/^app/, '')
      .replace(/\/route\.ts#.*$/, '')
      .replace(/\[[^\]]+\]/g, 'x');
    expect((await anonymous.get(path, { maxRedirects: 0 })).status(), `${key} (${access})`).toBe(401);
  }
  await anonymous.dispose();
  await unverified.dispose();
});

test('an ORGANIZER is refused every admin action, even with a fresh second factor', async ({ playwright, baseURL }) => {
  const organizer = await sessionOf(playwright, baseURL!, 'ORGANIZER', 0);
  const accepted: string[] = [];
  for (const action of builtActions().filter((a) => ADMIN_LEVEL.includes(a.access!))) {
    const answer = await callAction(organizer, baseURL!, action);
    if (answer.status !== 403 && !/^\/[a-z]{2}\/console(\?|$|;)/.test(answer.redirect))
      accepted.push(`${action.key}: ${answer.status} ${answer.redirect}`);
  }
  expect(accepted).toEqual([]);
  await organizer.dispose();
});

test('without a second factor in the last 10 minutes every dangerous action and download leads to the check first', async ({
  playwright,
  baseURL,
}) => {
  const stale = await sessionOf(playwright, baseURL!, 'ADMIN', 11);
  const accepted: string[] = [];
  for (const action of builtActions().filter((a) => STEP_UP.includes(a.access!))) {
    const answer = await callAction(stale, baseURL!, action);
    if (!/^\/[a-z]{2}\/login\/verify(\?|;|$)/.test(answer.redirect)) accepted.push(`${action.key}: ${answer.status} ${answer.redirect}`);
  }
  expect(accepted).toEqual([]);
  for (const [key] of Object.entries(ROUTE_HANDLERS).filter(([, access]) => access === 'organizer-step-up')) {
    const path = key
      .replace(/^app/, '')
      .replace(/\/route\.ts#.*$/, '')
      .replace(/\[[^\]]+\]/g, 'x');
    const response = await stale.get(path, { maxRedirects: 0, headers: { Referer: `${baseURL}/ru/console` } });
    expect(response.status(), key).toBe(303);
    expect(response.headers().location).toBe(`/ru/login/verify?next=${encodeURIComponent(path)}`);
  }
  await stale.dispose();
});
