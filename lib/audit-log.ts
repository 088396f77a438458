import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction } from '@/lib/audit-actions';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { localized } from '@/lib/i18n/localized';

export const AUDIT_PAGE_SIZE = 50;

/** The actor filter's value for entries without an organizer (start script, CLI, jobs, removed accounts). */
export const SYSTEM_ACTOR = 'system';

const emptyToUndefined = <T extends z.ZodType>(schema: T) => schema.optional().or(z.literal('').transform(() => undefined));

/** The audit page's GET filter: who, which action, and the keyset cursor of the page (entries older than it). */
export const AuditFilterSchema = z.object({
  actor: emptyToUndefined(z.string().trim().min(1).max(64)),
  action: emptyToUndefined(z.enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]])),
  before: emptyToUndefined(z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z_[A-Za-z0-9_-]{1,64}$/)),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

/** A query string that does not parse is read as no filter, so an edited link still shows the log. */
export function readAuditFilter(query: Record<string, string | string[] | undefined>): AuditFilter {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const parsed = AuditFilterSchema.safeParse({ actor: first(query.actor), action: first(query.action), before: first(query.before) });
  return parsed.success ? parsed.data : {};
}

export type AuditLogEntry = {
  id: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Prisma.JsonValue;
  createdAt: Date;
  actorEmail: string | null;
};

function cursorOf(entry: Pick<AuditLogEntry, 'createdAt' | 'id'>): string {
  return `${entry.createdAt.toISOString()}_${entry.id}`;
}

function parseCursor(cursor: string): { createdAt: Date; id: string } {
  const at = cursor.indexOf('_');
  return { createdAt: new Date(cursor.slice(0, at)), id: cursor.slice(at + 1) };
}

/** One page of the log, newest first, with the cursor of the next (older) page when there is one. */
export async function findAuditEntries(
  filter: AuditFilter,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<{ entries: AuditLogEntry[]; olderCursor: string | null }> {
  const where: Prisma.AuditLogWhereInput[] = [];
  if (filter.actor) where.push({ actorId: filter.actor === SYSTEM_ACTOR ? null : filter.actor });
  if (filter.action) where.push({ action: filter.action });
  if (filter.before) {
    const { createdAt, id } = parseCursor(filter.before);
    where.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
  }
  const rows = await db.auditLog.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: pageSize + 1,
    select: {
      id: true,
      action: true,
      subjectType: true,
      subjectId: true,
      details: true,
      createdAt: true,
      actor: { select: { email: true } },
    },
  });
  const entries = rows.slice(0, pageSize).map(({ actor, ...row }) => ({ ...row, actorEmail: actor?.email ?? null }));
  const last = entries.at(-1);
  return { entries, olderCursor: rows.length > pageSize && last ? cursorOf(last) : null };
}

/** The organizers the person filter offers: everyone who has an entry in the log. */
export async function listAuditActors(): Promise<Array<{ id: string; email: string }>> {
  return db.user.findMany({
    where: { auditLogs: { some: {} } },
    orderBy: { email: 'asc' },
    select: { id: true, email: true },
  });
}

/**
 * What an entry was about, for the page: a title in the page's language or an organizer's email,
 * with the console path (under `/console`) where there is one. A supporter is never named: the
 * page says "a supporter" and links to the record.
 */
export type AuditSubject =
  | { kind: 'supporter'; path: string }
  | { kind: 'named'; name: string; path: string | null }
  | { kind: 'gone'; type: string }
  | { kind: 'none' };

export function auditSubjectKey(entry: Pick<AuditLogEntry, 'subjectType' | 'subjectId'>): string {
  return `${entry.subjectType}:${entry.subjectId}`;
}

const idsOf = (entries: AuditLogEntry[], type: string) => [
  ...new Set(entries.filter((e) => e.subjectType === type && e.subjectId).map((e) => e.subjectId!)),
];

/** Resolves the subjects of a page of entries in one query per kind. */
export async function describeAuditSubjects(entries: AuditLogEntry[], locale: string): Promise<Map<string, AuditSubject>> {
  const [petitions, events, reforms, stages, campaigns, eventCampaigns, users, tags, supporters] = await Promise.all([
    db.petition.findMany({ where: { id: { in: idsOf(entries, 'Petition') } }, select: { id: true, title: true } }),
    db.event.findMany({ where: { id: { in: idsOf(entries, 'Event') } }, select: { id: true, title: true } }),
    db.reform.findMany({ where: { id: { in: idsOf(entries, 'Reform') } }, select: { id: true, title: true } }),
    db.reformStage.findMany({
      where: { id: { in: idsOf(entries, 'ReformStage') } },
      select: { id: true, reform: { select: { id: true, title: true } } },
    }),
    db.emailCampaign.findMany({ where: { id: { in: idsOf(entries, 'EmailCampaign') } }, select: { id: true, name: true } }),
    db.eventCampaign.findMany({ where: { id: { in: idsOf(entries, 'EventCampaign') } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: idsOf(entries, 'User') } }, select: { id: true, email: true } }),
    db.tag.findMany({ where: { id: { in: idsOf(entries, 'Tag') } }, select: { id: true, name: true } }),
    db.supporter.findMany({ where: { id: { in: idsOf(entries, 'Supporter') } }, select: { id: true } }),
  ]);
  const found = new Map<string, AuditSubject>();
  const add = (type: string, id: string, subject: AuditSubject) => found.set(`${type}:${id}`, subject);
  for (const p of petitions) add('Petition', p.id, { kind: 'named', name: localized(p.title, locale), path: `/petitions/${p.id}` });
  for (const e of events) add('Event', e.id, { kind: 'named', name: localized(e.title, locale), path: `/events/${e.id}` });
  for (const r of reforms) add('Reform', r.id, { kind: 'named', name: localized(r.title, locale), path: `/reforms/${r.id}` });
  for (const s of stages)
    add('ReformStage', s.id, { kind: 'named', name: localized(s.reform.title, locale), path: `/reforms/${s.reform.id}` });
  for (const c of campaigns) add('EmailCampaign', c.id, { kind: 'named', name: c.name, path: `/campaigns/${c.id}` });
  for (const c of eventCampaigns) add('EventCampaign', c.id, { kind: 'named', name: localized(c.name, locale), path: '/events/campaigns' });
  for (const u of users) add('User', u.id, { kind: 'named', name: u.email, path: null });
  for (const t of tags) add('Tag', t.id, { kind: 'named', name: t.name, path: `/supporters?tagId=${encodeURIComponent(t.id)}` });
  for (const s of supporters) add('Supporter', s.id, { kind: 'supporter', path: `/supporters/${s.id}` });

  const subjects = new Map<string, AuditSubject>();
  for (const entry of entries) {
    const key = auditSubjectKey(entry);
    if (!entry.subjectType || !entry.subjectId) subjects.set(key, { kind: 'none' });
    else subjects.set(key, found.get(key) ?? { kind: 'gone', type: entry.subjectType });
  }
  return subjects;
}

/** One line of an entry's details, as a phrase key in `console.audit.details` and its values. */
export type AuditDetailLine =
  | { key: 'changed'; values: { fields: string } }
  | { key: 'rows'; values: { count: number } }
  | { key: 'recipients'; values: { count: number } }
  | { key: 'notSent'; values: { count: number } }
  | { key: 'scheduledAt'; values: { at: Date } }
  | { key: 'languages'; values: { languages: string } }
  | { key: 'reason'; values: { reason: string } }
  | { key: 'counter'; values: { counter: number; trueCount: number } }
  | { key: 'tagged'; values: { count: number; tag: string } }
  | { key: 'numbers'; values: { before: string; after: string } }
  | { key: 'role'; values: { role: string } }
  | { key: 'blockKind'; values: { kind: string } }
  | { key: 'stage'; values: { stage: string; date: string } };

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value) || 0);
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(String).join(', ') : '');

/**
 * An entry's details in words, one line per fact worth showing. Only what the log holds about the
 * organizers' own work is shown (never an address or a name of a supporter); anything else stays out.
 */
export function summariseAuditDetails(action: string, details: Prisma.JsonValue): AuditDetailLine[] {
  if (!details || typeof details !== 'object' || Array.isArray(details)) return [];
  const d = details as Record<string, unknown>;
  switch (action) {
    case 'event.update':
      return Array.isArray(d.changed) && d.changed.length ? [{ key: 'changed', values: { fields: list(d.changed) } }] : [];
    case 'event.export-attendees':
      return [{ key: 'rows', values: { count: num(d.rows) } }];
    case 'event.reject':
      return text(d.reason) ? [{ key: 'reason', values: { reason: text(d.reason) } }] : [];
    case 'campaign.send':
      return [{ key: 'recipients', values: { count: num(d.recipients) } }];
    case 'campaign.cancel':
      return [{ key: 'notSent', values: { count: num(d.notSent) } }];
    case 'campaign.schedule':
      return text(d.scheduledAt) ? [{ key: 'scheduledAt', values: { at: new Date(text(d.scheduledAt)) } }] : [];
    case 'campaign.test-send':
      return [{ key: 'languages', values: { languages: list(d.languages) } }];
    case 'mail.test':
      return text(d.locale) ? [{ key: 'languages', values: { languages: text(d.locale) } }] : [];
    case 'petition.count-repaired':
      return [{ key: 'counter', values: { counter: num(d.counter), trueCount: num(d.trueCount) } }];
    case 'petition.block.add':
      return text(d.kind) ? [{ key: 'blockKind', values: { kind: text(d.kind) } }] : [];
    case 'supporter.tag-bulk':
      return [{ key: 'tagged', values: { count: num(d.added), tag: text(d.name) } }];
    case 'help.hotlines.update':
      return [{ key: 'numbers', values: { before: list(d.before), after: list(d.after) } }];
    case 'organizer.invite':
    case 'organizer.remove':
      return text(d.role) ? [{ key: 'role', values: { role: text(d.role) } }] : [];
    case 'organizer.role':
      return text(d.after) ? [{ key: 'role', values: { role: text(d.after) } }] : [];
    case 'reform.stage.record':
      return text(d.stage) ? [{ key: 'stage', values: { stage: text(d.stage), date: text(d.occurredOn) } }] : [];
    default:
      return [];
  }
}
