import { sealedSupporter } from '@/tests/support/personal-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '@/lib/audit';
import {
  describeAuditSubjects,
  findAuditEntries,
  listAuditActors,
  readAuditFilter,
  summariseAuditDetails,
  SYSTEM_ACTOR,
  type AuditLogEntry,
} from '@/lib/audit-log';
import { db } from '@/lib/db';
import { createPetition } from '../petitions/fixtures';

afterAll(() => db.$disconnect());

let alice: { id: string };
let bola: { id: string };
const at = (minute: number) => new Date(Date.UTC(2030, 0, 1, 10, minute));

beforeAll(async () => {
  alice = await db.user.create({ data: { email: 'alice@audit.example', role: 'ADMIN' } });
  bola = await db.user.create({ data: { email: 'bola@audit.example', role: 'ORGANIZER' } });
  await db.user.create({ data: { email: 'quiet@audit.example', role: 'ORGANIZER' } });
  // Seven entries; two share a minute, so the order and the cursor fall back to the id.
  const rows = [
    { id: 'audit-1', actorId: alice.id, action: 'auth.login', createdAt: at(1) },
    { id: 'audit-2', actorId: bola.id, action: 'auth.login', createdAt: at(2) },
    { id: 'audit-3', actorId: null, action: 'petition.count-repaired', createdAt: at(3) },
    { id: 'audit-4a', actorId: alice.id, action: 'supporter.view', createdAt: at(4) },
    { id: 'audit-4b', actorId: alice.id, action: 'event.attendees.view', createdAt: at(4) },
    { id: 'audit-5', actorId: bola.id, action: 'supporter.view', createdAt: at(5) },
    { id: 'audit-6', actorId: alice.id, action: 'auth.logout', createdAt: at(6) },
  ];
  await db.auditLog.createMany({ data: rows });
});

const ids = (entries: AuditLogEntry[]) => entries.map((entry) => entry.id);

describe('findAuditEntries', () => {
  it('pages newest first with a keyset cursor, ties broken by id, the last page without a cursor', async () => {
    const first = await findAuditEntries({}, 3);
    expect(ids(first.entries)).toEqual(['audit-6', 'audit-5', 'audit-4b']);
    expect(first.entries[0]!.actorEmail).toBe('alice@audit.example');
    const second = await findAuditEntries({ before: first.olderCursor! }, 3);
    expect(ids(second.entries)).toEqual(['audit-4a', 'audit-3', 'audit-2']);
    expect(second.entries[1]!.actorEmail).toBeNull();
    const third = await findAuditEntries({ before: second.olderCursor! }, 3);
    expect(ids(third.entries)).toEqual(['audit-1']);
    expect(third.olderCursor).toBeNull();
  });

  it('filters by person, by the system and by action, and pages within the filter', async () => {
    expect(ids((await findAuditEntries({ actor: bola.id })).entries)).toEqual(['audit-5', 'audit-2']);
    expect(ids((await findAuditEntries({ actor: SYSTEM_ACTOR })).entries)).toEqual(['audit-3']);
    expect(ids((await findAuditEntries({ action: 'supporter.view' })).entries)).toEqual(['audit-5', 'audit-4a']);
    const mine = await findAuditEntries({ actor: alice.id, action: 'supporter.view' }, 1);
    expect(ids(mine.entries)).toEqual(['audit-4a']);
    expect(mine.olderCursor).toBeNull();
    const aliceFirst = await findAuditEntries({ actor: alice.id }, 2);
    expect(ids(aliceFirst.entries)).toEqual(['audit-6', 'audit-4b']);
    expect(ids((await findAuditEntries({ actor: alice.id, before: aliceFirst.olderCursor! }, 2)).entries)).toEqual(['audit-4a', 'audit-1']);
  });

  it('lists as people only organizers who have entries', async () => {
    expect((await listAuditActors()).map((actor) => actor.email)).toEqual(['alice@audit.example', 'bola@audit.example']);
  });
});

describe('readAuditFilter', () => {
  it('reads a GET query, treating empty fields as any and anything malformed as no filter', () => {
    expect(readAuditFilter({ actor: 'user-1', action: 'supporter.view', before: '' })).toEqual({
      actor: 'user-1',
      action: 'supporter.view',
    });
    expect(readAuditFilter({ actor: '', action: '' })).toEqual({});
    expect(readAuditFilter({ action: 'drop.table' })).toEqual({});
    expect(readAuditFilter({ before: "2030-01-01'; --" })).toEqual({});
    expect(readAuditFilter({ before: '2030-01-01T10:04:00.000Z_audit-4b', actor: ['a', 'b'] })).toEqual({
      before: '2030-01-01T10:04:00.000Z_audit-4b',
      actor: 'a',
    });
  });
});

describe('describeAuditSubjects', () => {
  it('names petitions in the page language and organizers by email, never a supporter, and says when the thing is gone', async () => {
    const petition = await createPetition();
    const supporter = await db.supporter.create({
      data: { ...(await sealedSupporter('private@audit.example', 'Private Person')), locale: 'ru' },
    });
    const cara = await db.user.create({ data: { email: 'cara@audit.example', role: 'ORGANIZER' } });
    await recordAudit({ actorId: cara.id, action: 'petition.export', subjectType: 'Petition', subjectId: petition.id });
    await recordAudit({ actorId: cara.id, action: 'supporter.view', subjectType: 'Supporter', subjectId: supporter.id });
    await recordAudit({ actorId: cara.id, action: 'organizer.invite', subjectType: 'User', subjectId: bola.id });
    await recordAudit({ actorId: cara.id, action: 'event.update', subjectType: 'Event', subjectId: 'deleted-event' });
    await recordAudit({ actorId: cara.id, action: 'mail.test' });
    const { entries } = await findAuditEntries({ actor: cara.id }, 5);

    const subjects = await describeAuditSubjects(entries, 'ru');
    expect(subjects.get(`Petition:${petition.id}`)).toEqual({ kind: 'named', name: 'Test petition ru', path: `/petitions/${petition.id}` });
    expect(subjects.get(`Supporter:${supporter.id}`)).toEqual({ kind: 'supporter', path: `/supporters/${supporter.id}` });
    expect(subjects.get(`User:${bola.id}`)).toEqual({ kind: 'named', name: 'bola@audit.example', path: null });
    expect(subjects.get('Event:deleted-event')).toEqual({ kind: 'gone', type: 'Event' });
    expect(subjects.get('null:null')).toEqual({ kind: 'none' });
    expect(JSON.stringify([...subjects])).not.toMatch(/private@|Private Person/);
    expect((await describeAuditSubjects(entries, 'kk')).get(`Petition:${petition.id}`)).toMatchObject({ name: 'Test petition kk' });
  });
});

describe('summariseAuditDetails', () => {
  it('turns the stored details into facts for words, and leaves addresses out', () => {
    expect(summariseAuditDetails('event.update', { changed: ['startsAt', 'venue'] })).toEqual([
      { key: 'changed', values: { fields: 'startsAt, venue' } },
    ]);
    expect(summariseAuditDetails('campaign.send', { name: 'x', recipients: 120, newlyAdded: 3, languages: ['ru'] })).toEqual([
      { key: 'recipients', values: { count: 120 } },
    ]);
    expect(summariseAuditDetails('mail.test', { to: 'someone@example.org', locale: 'kk' })).toEqual([
      { key: 'languages', values: { languages: 'kk' } },
    ]);
    expect(summariseAuditDetails('organizer.remove', { email: 'x@example.org', role: 'ADMIN' })).toEqual([
      { key: 'role', values: { role: 'ADMIN' } },
    ]);
    expect(summariseAuditDetails('auth.login', null)).toEqual([]);
    expect(summariseAuditDetails('something.retired', { anything: 1 })).toEqual([]);
  });
});
