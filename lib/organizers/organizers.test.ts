import { actorFor } from '@/tests/support/actor';
import { outboxTo } from '@/tests/support/personal-data';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { ensureAdmin } from '@/lib/organizers/ensure-admin';
import { inviteOrganizer } from '@/lib/organizers/invite-organizer';
import { listOrganizers } from '@/lib/organizers/queries';
import { removeOrganizer } from '@/lib/organizers/remove-organizer';

afterAll(() => db.$disconnect());

async function expectAppError(promise: Promise<unknown>, code: string, message: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error) && error.code === code && error.messageKey === message, String(error)).toBe(true);
}

describe('ensureAdmin', () => {
  it('creates the admin once and is idempotent, normalising the address', async () => {
    const first = await ensureAdmin(' Lead@Dauys.localhost ');
    const second = await ensureAdmin('lead@dauys.localhost');

    expect(first.change).toBe('created');
    expect(second).toEqual({ id: first.id, email: 'lead@dauys.localhost', change: 'none' });
    expect(await db.user.count({ where: { email: 'lead@dauys.localhost', role: 'ADMIN' } })).toBe(1);
    expect(await db.auditLog.count({ where: { subjectId: first.id, action: 'organizer.admin-created' } })).toBe(1);
  });

  it('promotes an existing organizer', async () => {
    const organizer = await db.user.create({ data: { email: 'promote-me@example.org', role: 'ORGANIZER' } });
    const result = await ensureAdmin('promote-me@example.org');
    expect(result).toMatchObject({ id: organizer.id, change: 'promoted' });
    expect((await db.user.findUniqueOrThrow({ where: { id: organizer.id } })).role).toBe('ADMIN');
  });
});

describe('inviteOrganizer', () => {
  it('adds the organizer, records who invited them and mails the invitation', async () => {
    const admin = await ensureAdmin('inviter@example.org');
    const invited = await inviteOrganizer(
      { email: 'new.organizer@example.org', role: 'ORGANIZER', locale: 'ru' },
      { ...(await actorFor(admin)), email: admin.email },
    );

    const user = await db.user.findUniqueOrThrow({ where: { email: 'new.organizer@example.org' } });
    expect(user).toMatchObject({ id: invited.id, role: 'ORGANIZER', invitedById: admin.id });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'organizer.invite', subjectId: user.id } });
    expect(audit.actorId).toBe(admin.id);
    const mail = (await outboxTo('new.organizer@example.org'))[0]!;
    expect(mail?.template).toBe('organizer-invitation');
  });

  it('refuses an address that can already sign in', async () => {
    const admin = await ensureAdmin('inviter2@example.org');
    await expectAppError(
      inviteOrganizer(
        { email: 'inviter2@example.org', role: 'ORGANIZER', locale: 'en' },
        { ...(await actorFor(admin)), email: admin.email },
      ),
      'CONFLICT',
      'alreadyInvited',
    );
  });

  it('refuses an inviter whose second factor is older than the step-up window, and invites nobody', async () => {
    const admin = await ensureAdmin('stale-inviter@example.org');
    const stale = await actorFor(admin, { minutesAgo: 11 });
    await expectAppError(
      inviteOrganizer({ email: 'not-invited@example.org', role: 'ORGANIZER', locale: 'en' }, { ...stale, email: admin.email }),
      'FORBIDDEN',
      'stepUpRequired',
    );
    expect(await db.user.count({ where: { email: 'not-invited@example.org' } })).toBe(0);
    expect(await outboxTo('not-invited@example.org')).toHaveLength(0);
  });
});

describe('removeOrganizer', () => {
  it('deletes the organizer with their sessions and pending links, and logs it', async () => {
    const admin = await ensureAdmin('remover@example.org');
    const organizer = await db.user.create({ data: { email: 'leaving@example.org' } });
    await db.session.create({
      data: { sessionToken: 'leaving-session', userId: organizer.id, expires: new Date(Date.now() + 3_600_000) },
    });
    await db.verificationToken.create({
      data: { identifier: 'leaving@example.org', token: 'leaving-token', expires: new Date(Date.now() + 600_000) },
    });

    await removeOrganizer({ userId: organizer.id }, await actorFor(admin));

    expect(await db.user.findUnique({ where: { id: organizer.id } })).toBeNull();
    expect(await db.session.count({ where: { userId: organizer.id } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: 'leaving@example.org' } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'organizer.remove', subjectId: organizer.id } });
    expect(audit).toMatchObject({ actorId: admin.id, details: { email: 'leaving@example.org', role: 'ORGANIZER' } });
    expect((await listOrganizers()).map((o) => o.email)).not.toContain('leaving@example.org');
  });

  it('refuses to remove yourself', async () => {
    const admin = await ensureAdmin('self@example.org');
    await expectAppError(removeOrganizer({ userId: admin.id }, await actorFor(admin)), 'FORBIDDEN', 'cannotRemoveSelf');
    expect(await db.user.count({ where: { id: admin.id } })).toBe(1);
  });

  it('keeps the last admin, even when two admins remove each other at once', async () => {
    await db.user.deleteMany({ where: { role: 'ADMIN' } });
    const first = await ensureAdmin('first-admin@example.org');
    const second = await ensureAdmin('second-admin@example.org');

    const [firstActor, secondActor] = [await actorFor(first), await actorFor(second)];
    const results = await Promise.allSettled([
      removeOrganizer({ userId: second.id }, firstActor),
      removeOrganizer({ userId: first.id }, secondActor),
    ]);

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.user.count({ where: { role: 'ADMIN' } })).toBe(1);

    const [survivor] = await db.user.findMany({ where: { role: 'ADMIN' } });
    // The role is checked where the row is removed: an organizer who is not an admin removes nobody.
    const organizer = await db.user.create({ data: { email: 'plain-organizer@example.org' } });
    await expectAppError(removeOrganizer({ userId: survivor!.id }, await actorFor(organizer)), 'FORBIDDEN', 'forbidden');
  });

  it('reports an organizer that no longer exists', async () => {
    const admin = await ensureAdmin('remover2@example.org');
    await expectAppError(removeOrganizer({ userId: 'no-such-user' }, await actorFor(admin)), 'NOT_FOUND', 'organizerNotFound');
  });

  it('refuses a remover whose second factor is older than the step-up window, and removes nobody', async () => {
    const admin = await ensureAdmin('stale-remover@example.org');
    const organizer = await db.user.create({ data: { email: 'staying@example.org' } });
    await actorFor(organizer);
    const stale = await actorFor(admin, { minutesAgo: 11 });
    await expectAppError(removeOrganizer({ userId: organizer.id }, stale), 'FORBIDDEN', 'stepUpRequired');
    await expectAppError(
      removeOrganizer({ userId: organizer.id }, await actorFor(admin, { minutesAgo: null })),
      'FORBIDDEN',
      'stepUpRequired',
    );
    expect(await db.user.count({ where: { id: organizer.id } })).toBe(1);
    expect(await db.session.count({ where: { userId: organizer.id } })).toBe(1);
  });
});
