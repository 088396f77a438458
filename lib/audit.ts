import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export type AuditEntryInput = {
  /** The organizer who acted; null for the system (start script, CLI, jobs). */
  actorId: string | null;
  /** Dotted verb, e.g. `auth.login`, `organizer.invite`, `petition.export`. */
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Prisma.InputJsonValue;
};

type AuditWriter = Pick<Prisma.TransactionClient, 'auditLog'>;

/** Records who did what; pass the transaction client to commit it together with the change. */
export async function recordAudit(entry: AuditEntryInput, tx: AuditWriter = db): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      details: entry.details,
    },
  });
}

export type AuditEntry = {
  id: string;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  details: Prisma.JsonValue;
  createdAt: Date;
  actorEmail: string | null;
};

export async function findLatestAuditEntries(limit = 100): Promise<AuditEntry[]> {
  const rows = await db.auditLog.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
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
  return rows.map(({ actor, ...row }) => ({ ...row, actorEmail: actor?.email ?? null }));
}
