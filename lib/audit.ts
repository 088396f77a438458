import type { AuditAction } from '@/lib/audit-actions';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export type AuditEntryInput = {
  /** The organizer who acted; null for the system (start script, CLI, jobs). */
  actorId: string | null;
  /** Dotted verb, e.g. `auth.login`, `organizer.invite`, `petition.export`; listed in lib/audit-actions.ts. */
  action: AuditAction;
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
