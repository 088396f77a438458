import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import {
  anonymiseRsvps,
  anonymiseSignatures,
  clearSignatureAddresses,
  redactOutboundMail,
  unlinkPetitionConsents,
} from '@/lib/retention/anonymise';
import { retentionPeriods, type RetentionPeriods } from '@/lib/retention/periods';

export type RetentionCounts = {
  signatures: number;
  petitionConsents: number;
  rsvps: number;
  signatureAddresses: number;
  outboundMails: number;
  caughtMails: number;
  importFiles: number;
  importRefusedRows: number;
};

/** What an import's failure says when its file was deleted before it was ever run. */
export const IMPORT_EXPIRED = 'expired';

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * Petitions that ended (closed, handed over or answered: the latest of these) more than `months`
 * ago; an open one ends at its closing date, when signing stops (lib/petitions/queries.ts, isSignable).
 * Calendar months of the UTC timestamps, so the cut-off does not depend on the session's zone.
 */
async function petitionsPastRetention(now: Date, months: number): Promise<string[]> {
  const period = Prisma.sql`make_interval(months => ${months})`;
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Petition"
     WHERE (status IN ('CLOSED', 'HANDED_OVER', 'RESPONDED')
            AND COALESCE(GREATEST("closesAt", "handedOverAt", "respondedAt"), "updatedAt") + ${period} < ${now})
        OR (status = 'OPEN' AND "closesAt" + ${period} < ${now})`;
  return rows.map((row) => row.id);
}

/**
 * The retention pass (hourly, in the housekeeping job): anonymises signatures of petitions that
 * ended `signatureMonths` ago and RSVPs of events that ended `rsvpDays` ago, clears signatures'
 * client addresses after `ipDays`, strips final outbox rows after `mailDays`, deletes caught mail
 * after `caughtMailDays` and imports' unrun files and refused rows after `importDays`. Every step
 * selects only rows it has not done yet, so a second run changes nothing; a run that changed something is audit-logged with its counts. Finished jobs
 * leave the queue by pg-boss's own deletion (RETENTION_JOB_DAYS, lib/queue.ts).
 */
export async function applyRetention(now = new Date(), periods: RetentionPeriods = retentionPeriods()): Promise<RetentionCounts> {
  const petitionIds = await petitionsPastRetention(now, periods.signatureMonths);
  const signatures =
    petitionIds.length === 0 ? 0 : await anonymiseSignatures(db, Prisma.sql`s."petitionId" = ANY(${petitionIds}::text[])`, now);
  const petitionConsents = await unlinkPetitionConsents(db, petitionIds);

  const rsvpCutoff = daysBefore(now, periods.rsvpDays);
  const rsvps = await anonymiseRsvps(db, Prisma.sql`r."eventId" IN (SELECT id FROM "Event" WHERE "endsAt" < ${rsvpCutoff})`, now);

  const ipCutoff = daysBefore(now, periods.ipDays);
  const signatureAddresses = await clearSignatureAddresses(db, Prisma.sql`s."createdAt" < ${ipCutoff}`);

  const mailCutoff = daysBefore(now, periods.mailDays);
  const outboundMails = await redactOutboundMail(
    db,
    Prisma.sql`m.status <> 'PENDING' AND m."createdAt" < ${mailCutoff}
           AND COALESCE(m."sentAt", m."lastAttemptAt", m."createdAt") < ${mailCutoff}`,
    now,
  );

  const caught = await db.caughtMail.deleteMany({ where: { receivedAt: { lt: daysBefore(now, periods.caughtMailDays) } } });

  const { importFiles, importRefusedRows } = await deleteOldImportData(daysBefore(now, periods.importDays), now);

  const counts = {
    signatures,
    petitionConsents,
    rsvps,
    signatureAddresses,
    outboundMails,
    caughtMails: caught.count,
    importFiles,
    importRefusedRows,
  };
  if (Object.values(counts).some((count) => count > 0)) {
    await recordAudit({ actorId: null, action: 'retention.apply', details: { ...counts, periods } });
  }
  return counts;
}

/**
 * Imports keep personal data outside the supporter list: a file uploaded and never run (or whose
 * run failed for good), and the rows a run refused. Both go `importDays` after the import ended or,
 * never run, after it was uploaded; a queued or running import is left alone.
 */
async function deleteOldImportData(cutoff: Date, now: Date) {
  const ended = { OR: [{ finishedAt: { lt: cutoff } }, { finishedAt: null, createdAt: { lt: cutoff } }] };
  const refused = await db.importRefusedRow.deleteMany({ where: { import: { status: { in: ['DONE', 'FAILED'] }, ...ended } } });
  const files = await db.import.updateMany({
    where: { status: { in: ['UPLOADED', 'FAILED'] }, fileSealed: { not: null }, ...ended },
    data: { status: 'FAILED', fileSealed: null, failure: IMPORT_EXPIRED, finishedAt: now },
  });
  return { importFiles: files.count, importRefusedRows: refused.count };
}
