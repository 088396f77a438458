import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { replaceRecoveryCodes } from '@/lib/auth/recovery-codes';
import { removePasskey } from '@/lib/auth/passkeys';
import { saveSecuritySettings } from '@/lib/auth/security-settings';
import type { Actor } from '@/lib/auth/step-up';
import { removeTotp } from '@/lib/auth/totp';
import { scheduleCampaign } from '@/lib/campaigns/schedule-campaign';
import { startCampaign } from '@/lib/campaigns/start-campaign';
import { db } from '@/lib/db';
import { exportAttendeesCsv } from '@/lib/events/export-attendees';
import { setDiscreetMail } from '@/lib/mailer/discreet-mail';
import { changeOrganizerRole } from '@/lib/organizers/change-organizer-role';
import { inviteOrganizer } from '@/lib/organizers/invite-organizer';
import { removeOrganizer } from '@/lib/organizers/remove-organizer';
import { exportSignaturesCsv } from '@/lib/petitions/export-signatures';
import { eraseSupporter } from '@/lib/supporters/erase-supporter';
import { exportSupporter } from '@/lib/supporters/export-supporter';
import { actorFor } from '@/tests/support/actor';
import { ROUTE_HANDLERS, SERVER_ACTIONS, type Access } from '@/tests/support/authorization-matrix';
import { createCampaign, createSupporter } from '../campaigns/helpers/fixtures';

const ROOT = path.resolve(__dirname, '../..');

afterAll(() => db.$disconnect());

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** The text of a top-level function, from its declaration to the closing brace at column 0. */
function functionBody(source: string, name: string): string | null {
  const start = new RegExp(`^(?:export )?async function ${name}(?:<[^>]*>)?\\(`, 'm').exec(source);
  if (!start) return null;
  const end = source.indexOf('\n}', start.index);
  return source.slice(start.index, end === -1 ? undefined : end + 2);
}

/** A function's body with the bodies of the module's own functions it calls (one level: `control(…)`). */
function bodyWithLocalHelpers(source: string, name: string): string {
  const body = functionBody(source, name) ?? '';
  const helpers = [...source.matchAll(/^async function (\w+)(?:<[^>]*>)?\(/gm)]
    .map((match) => match[1]!)
    .filter((helper) => helper !== name);
  return [body, ...helpers.filter((helper) => new RegExp(`\\b${helper}\\(`).test(body)).map((helper) => functionBody(source, helper))].join(
    '\n',
  );
}

const serverActions = () =>
  sourceFiles('app')
    .filter((file) => readFileSync(path.join(ROOT, file), 'utf8').startsWith("'use server'"))
    .flatMap((file) => {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      return [...source.matchAll(/^export async function (\w+)\(/gm)].map((match) => ({
        key: `${file}#${match[1]}`,
        file,
        name: match[1]!,
      }));
    });

const routeHandlers = () =>
  sourceFiles('app')
    .filter((file) => file.endsWith('/route.ts'))
    .flatMap((file) => {
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      const declared = [...source.matchAll(/^export async function (GET|POST|PUT|PATCH|DELETE)\(/gm)].map((match) => match[1]!);
      const reexported = [...source.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1]!);
      return [...declared, ...reexported].map((method) => ({ key: `${file}#${method}`, file, name: method }));
    });

/** The guard each access level must call first, as it reads in the source. */
const ACTION_GUARDS: Record<Access, RegExp | null> = {
  public: null,
  'signed-in': /requireSignedInForAction\(\)/,
  organizer: /requireOrganizerForAction\(|requireAdminForAction\(|requireOrganizer\(/,
  'organizer-step-up':
    /requireOrganizerForAction\(\{[^}]*freshFactor: true|requireOrganizerForAction\(\);[\s\S]*requireFreshSecondFactor\(/,
  'organizer-step-up-large': /requireOrganizerForAction\(/,
  admin: /requireAdminForAction\(|requireAdmin\(/,
  'admin-step-up': /requireAdminForAction\(\{ freshFactor: true \}\)|requireAdminForAction\(\);[\s\S]*requireFreshSecondFactor\(/,
};
const ROUTE_GUARDS: Partial<Record<Access, RegExp>> = {
  organizer: /requireOrganizerForRoute\(/,
  'organizer-step-up': /requireOrganizerForRoute\(\{ freshFactor: \{ request \} \}\)/,
  admin: /requireOrganizerForRoute\(\{[^}]*admin: true/,
};

describe('every server action and route handler is in the authorization matrix', () => {
  it('lists exactly the server actions in app/ (a new one fails here until it is classified)', () => {
    expect(
      serverActions()
        .map((action) => action.key)
        .sort(),
    ).toEqual(Object.keys(SERVER_ACTIONS).sort());
  });

  it('lists exactly the route handlers in app/', () => {
    expect(
      routeHandlers()
        .map((route) => route.key)
        .sort(),
    ).toEqual(Object.keys(ROUTE_HANDLERS).sort());
  });

  it('each server action calls the guard of its access level', () => {
    const unguarded = serverActions().filter(({ key, file, name }) => {
      const guard = ACTION_GUARDS[SERVER_ACTIONS[key]!];
      return guard !== null && !guard.test(bodyWithLocalHelpers(readFileSync(path.join(ROOT, file), 'utf8'), name));
    });
    expect(unguarded.map((action) => `${action.key} (${SERVER_ACTIONS[action.key]})`)).toEqual([]);
  });

  it('each route handler that is not public calls the guard of its access level', () => {
    const unguarded = routeHandlers().filter(({ key, file, name }) => {
      const access = ROUTE_HANDLERS[key]!;
      if (access === 'public') return false;
      const guard = ROUTE_GUARDS[access];
      return !guard || !guard.test(functionBody(readFileSync(path.join(ROOT, file), 'utf8'), name) ?? '');
    });
    expect(unguarded.map((route) => `${route.key} (${ROUTE_HANDLERS[route.key]})`)).toEqual([]);
  });
});

describe('dangerous acts are refused where the data is touched without a fresh second factor', () => {
  const organizerUser = () => db.user.create({ data: { email: `matrix-${randomUUID()}@example.org`, role: 'ORGANIZER' } });
  const adminUser = () => db.user.create({ data: { email: `matrix-admin-${randomUUID()}@example.org`, role: 'ADMIN' } });
  /** Nobody signed in: a forged actor with no session behind it. */
  const anonymous: Actor = { id: 'nobody', sessionId: 'no-session' };

  const DANGEROUS: Array<[string, (actor: Actor) => Promise<unknown>]> = [
    ['export of a petition’s signers', (actor) => exportSignaturesCsv({ petitionId: 'any', actor, locale: 'en' })],
    ['export of an event’s attendees', (actor) => exportAttendeesCsv(actor, 'any')],
    ['export of one supporter', (actor) => exportSupporter('any', actor)],
    ['erasure', (actor) => eraseSupporter('any', actor)],
    ['new recovery codes', (actor) => replaceRecoveryCodes(actor)],
    ['removing the authenticator app', (actor) => removeTotp(actor)],
    ['removing a passkey', (actor) => removePasskey(actor, 'any')],
  ];
  const ADMIN_ONLY: Array<[string, (actor: Actor) => Promise<unknown>]> = [
    ['discreet mail', (actor) => setDiscreetMail({ discreet: true }, actor)],
    [
      'inviting an organizer',
      (actor) =>
        inviteOrganizer(
          { email: `invited-${randomUUID()}@example.org`, role: 'ADMIN', locale: 'en' },
          { ...actor, email: 'x@example.org' },
        ),
    ],
    ['removing an organizer', (actor) => removeOrganizer({ userId: 'any' }, actor)],
    ['changing a role', (actor) => changeOrganizerRole({ userId: 'any', role: 'ADMIN' }, actor)],
    [
      'security settings',
      (actor) => saveSecuritySettings({ requireSecondFactor: true, sessionLifetimeHours: 12, sessionIdleMinutes: 60 }, actor),
    ],
  ];

  it.each(DANGEROUS)('%s: refused for anonymous callers and for an organizer without a fresh factor', async (_what, act) => {
    const user = await organizerUser();
    for (const actor of [anonymous, await actorFor(user, { minutesAgo: null }), await actorFor(user, { minutesAgo: 11 })]) {
      await expect(act(actor)).rejects.toMatchObject({ code: 'FORBIDDEN', messageKey: 'stepUpRequired' });
    }
  });

  it.each(ADMIN_ONLY)(
    '%s: refused for anonymous callers, for an ORGANIZER even with a fresh factor, and for a stale admin',
    async (_what, act) => {
      await expect(act(anonymous)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(act(await actorFor(await organizerUser()))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(act(await actorFor(await adminUser(), { minutesAgo: 11 }))).rejects.toMatchObject({ messageKey: 'stepUpRequired' });
    },
  );

  it('a campaign to more than 5 people: send and schedule refused without a fresh factor, and nothing written', async () => {
    const user = await organizerUser();
    const tag = await db.tag.create({ data: { name: `matrix-${randomUUID()}` } });
    for (let i = 0; i < 6; i += 1) {
      const person = await createSupporter({ email: `matrix-${i}-${tag.id}@example.org` });
      await db.supporterTag.create({ data: { supporterId: person.id, tagId: tag.id } });
    }
    const audience = { sources: [{ type: 'updates' as const }], regions: [], locales: [], tagIds: [tag.id] };
    const campaignId = await createCampaign(user, { audience });
    const stale = await actorFor(user, { minutesAgo: 11 });
    await expect(startCampaign(campaignId, stale)).rejects.toMatchObject({ messageKey: 'stepUpRequired' });
    await expect(scheduleCampaign({ campaignId, scheduledAt: new Date(Date.now() + 86_400_000) }, stale)).rejects.toMatchObject({
      messageKey: 'stepUpRequired',
    });
    expect(await db.campaignRecipient.count({ where: { campaignId } })).toBe(0);
    expect((await db.emailCampaign.findUniqueOrThrow({ where: { id: campaignId } })).status).toBe('DRAFT');
    expect(await startCampaign(campaignId, await actorFor(user))).toBe(6);

    // A handful (5 or fewer) needs no fresh factor.
    const oneOfThem = await db.supporterTag.findFirstOrThrow({ where: { tagId: tag.id } });
    await db.supporterTag.delete({ where: { supporterId_tagId: { supporterId: oneOfThem.supporterId, tagId: tag.id } } });
    const small = await createCampaign(user, { audience });
    expect(await startCampaign(small, stale)).toBe(5);
  });
});
