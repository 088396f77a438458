import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { readSecuritySettings, saveSecuritySettings } from '@/lib/auth/security-settings';
import { endAllSessionsOf, endOwnSession, listActiveSessions } from '@/lib/auth/sessions';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { changeOrganizerRole } from '@/lib/organizers/change-organizer-role';
import { actorFor } from '@/tests/support/actor';

afterAll(() => db.$disconnect());

async function expectAppError(promise: Promise<unknown>, code: string, messageKey?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) && error.code === code && (messageKey === undefined || error.messageKey === messageKey), String(error)).toBe(
    true,
  );
}

let counter = 0;
async function user(role: 'ADMIN' | 'ORGANIZER' = 'ORGANIZER') {
  counter += 1;
  return db.user.create({ data: { email: `person-${counter}@security.example`, role }, select: { id: true, email: true } });
}

const auditCount = (action: string, subjectId: string) => db.auditLog.count({ where: { action, subjectId } });

beforeEach(async () => {
  await db.securitySettings.deleteMany();
});

describe('changeOrganizerRole', () => {
  it('makes an organizer an admin, ends their sessions so the role applies at once, and logs before and after', async () => {
    const admin = await user('ADMIN');
    const organizer = await user();
    await actorFor(organizer);
    await actorFor(organizer);
    const actor = await actorFor(admin);

    await changeOrganizerRole({ userId: organizer.id, role: 'ADMIN' }, actor);

    expect((await db.user.findUniqueOrThrow({ where: { id: organizer.id } })).role).toBe('ADMIN');
    expect(await db.session.count({ where: { userId: organizer.id } })).toBe(0);
    expect(await db.session.count({ where: { id: actor.sessionId } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'organizer.role', subjectId: organizer.id } });
    expect(audit).toMatchObject({
      actorId: admin.id,
      details: { email: organizer.email, before: 'ORGANIZER', after: 'ADMIN', sessionsEnded: 2 },
    });
  });

  it('keeps the last admin, even when two admins demote each other at once', async () => {
    await db.user.updateMany({ where: { role: 'ADMIN' }, data: { role: 'ORGANIZER' } });
    const first = await user('ADMIN');
    const second = await user('ADMIN');
    const [firstActor, secondActor] = [await actorFor(first), await actorFor(second)];

    const results = await Promise.allSettled([
      changeOrganizerRole({ userId: second.id, role: 'ORGANIZER' }, firstActor),
      changeOrganizerRole({ userId: first.id, role: 'ORGANIZER' }, secondActor),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const admins = await db.user.findMany({ where: { role: 'ADMIN' }, select: { id: true } });
    expect(admins).toHaveLength(1);
    // The survivor cannot demote themselves either: they are the last admin.
    const survivor = admins[0]!.id;
    await expectAppError(
      changeOrganizerRole({ userId: survivor, role: 'ORGANIZER' }, await actorFor({ id: survivor })),
      'CONFLICT',
      'lastAdmin',
    );
    expect(await db.auditLog.count({ where: { action: 'organizer.role', subjectId: { in: [first.id, second.id] } } })).toBe(1);
  });

  it('refuses an admin whose second factor is stale or missing, and an organizer, changing nothing', async () => {
    const admin = await user('ADMIN');
    const organizer = await user();
    const organizerSession = await actorFor(organizer);

    await expectAppError(
      changeOrganizerRole({ userId: organizer.id, role: 'ADMIN' }, await actorFor(admin, { minutesAgo: 11 })),
      'FORBIDDEN',
      'stepUpRequired',
    );
    await expectAppError(
      changeOrganizerRole({ userId: organizer.id, role: 'ADMIN' }, await actorFor(admin, { minutesAgo: null })),
      'FORBIDDEN',
      'stepUpRequired',
    );
    await expectAppError(changeOrganizerRole({ userId: organizer.id, role: 'ADMIN' }, organizerSession), 'FORBIDDEN');

    expect((await db.user.findUniqueOrThrow({ where: { id: organizer.id } })).role).toBe('ORGANIZER');
    expect(await db.session.count({ where: { id: organizerSession.sessionId } })).toBe(1);
    expect(await auditCount('organizer.role', organizer.id)).toBe(0);
  });

  it('refuses a change to the role they already have, keeping their sessions', async () => {
    const admin = await user('ADMIN');
    const organizer = await user();
    await actorFor(organizer);
    await expectAppError(
      changeOrganizerRole({ userId: organizer.id, role: 'ORGANIZER' }, await actorFor(admin)),
      'CONFLICT',
      'roleUnchanged',
    );
    expect(await db.session.count({ where: { userId: organizer.id } })).toBe(1);
    expect(await auditCount('organizer.role', organizer.id)).toBe(0);
  });

  it('reports an organizer that no longer exists', async () => {
    const admin = await user('ADMIN');
    await expectAppError(
      changeOrganizerRole({ userId: 'no-such-user', role: 'ADMIN' }, await actorFor(admin)),
      'NOT_FOUND',
      'organizerNotFound',
    );
  });
});

describe('endAllSessionsOf', () => {
  it('lets an admin sign an organizer out everywhere, without a fresh factor, and logs it', async () => {
    const admin = await user('ADMIN');
    const organizer = await user();
    await actorFor(organizer);
    await actorFor(organizer);
    const bystander = await actorFor(await user());

    const ended = await endAllSessionsOf(organizer.id, await actorFor(admin, { minutesAgo: 60 }));

    expect(ended).toBe(2);
    expect(await db.session.count({ where: { userId: organizer.id } })).toBe(0);
    expect(await db.session.count({ where: { id: bystander.sessionId } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'security.sessions.end-all', subjectId: organizer.id } });
    expect(audit).toMatchObject({ actorId: admin.id, details: { email: organizer.email, sessions: 2 } });
  });

  it('refuses an organizer who is not an admin', async () => {
    const organizer = await user();
    const target = await user();
    await actorFor(target);
    await expectAppError(endAllSessionsOf(target.id, await actorFor(organizer)), 'FORBIDDEN');
    expect(await db.session.count({ where: { userId: target.id } })).toBe(1);
    expect(await auditCount('security.sessions.end-all', target.id)).toBe(0);
  });
});

describe('endOwnSession', () => {
  it('ends one of the organizer’s own sessions and no one else’s', async () => {
    const organizer = await user();
    const here = await actorFor(organizer);
    const elsewhere = await actorFor(organizer);
    const someoneElse = await actorFor(await user());

    expect((await listActiveSessions(here)).map((session) => [session.id, session.isCurrent])).toEqual([
      [here.sessionId, true],
      [elsewhere.sessionId, false],
    ]);

    await expectAppError(endOwnSession(here, someoneElse.sessionId), 'NOT_FOUND', 'sessionNotFound');
    expect(await db.session.count({ where: { id: someoneElse.sessionId } })).toBe(1);

    await endOwnSession(here, elsewhere.sessionId);
    expect((await listActiveSessions(here)).map((session) => session.id)).toEqual([here.sessionId]);
    expect(await auditCount('security.session.end', organizer.id)).toBe(1);
    await expectAppError(endOwnSession(here, elsewhere.sessionId), 'NOT_FOUND', 'sessionNotFound');
  });
});

describe('saveSecuritySettings', () => {
  const choice = { requireSecondFactor: true, sessionLifetimeHours: 12, sessionIdleMinutes: 30 };

  it('stores an admin’s choice, which then wins over the deployment’s defaults, and logs what it replaced', async () => {
    const admin = await user('ADMIN');
    const before = await readSecuritySettings();
    expect(before.source).toBe('deployment');

    await saveSecuritySettings(choice, await actorFor(admin));

    expect(await readSecuritySettings()).toMatchObject({ ...choice, source: 'console' });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'security.settings', actorId: admin.id } });
    expect(audit.details).toMatchObject({
      ...choice,
      before: {
        requireSecondFactor: before.requireSecondFactor,
        sessionLifetimeHours: before.sessionLifetimeHours,
        sessionIdleMinutes: before.sessionIdleMinutes,
      },
    });
  });

  it('refuses an organizer and an admin whose second factor is stale, storing nothing', async () => {
    const admin = await user('ADMIN');
    const organizer = await user();
    await expectAppError(saveSecuritySettings(choice, await actorFor(organizer)), 'FORBIDDEN');
    await expectAppError(saveSecuritySettings(choice, await actorFor(admin, { minutesAgo: 11 })), 'FORBIDDEN', 'stepUpRequired');
    expect((await readSecuritySettings()).source).toBe('deployment');
    expect(await db.auditLog.count({ where: { action: 'security.settings', actorId: { in: [admin.id, organizer.id] } } })).toBe(0);
  });
});
