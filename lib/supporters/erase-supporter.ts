import { assertFreshSecondFactor, type Actor } from '@/lib/auth/step-up';
import { recordAudit } from '@/lib/audit';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { getQueue } from '@/lib/queue';
import { ANONYMISED_DOMAIN, ANONYMISED_NAME, anonymiseRsvps, anonymiseSignatures, redactOutboundMail } from '@/lib/retention/anonymise';
import { deleteCaughtMailMentioning, deleteJobsMentioning, scrubAuditDetails } from '@/lib/retention/erase-traces';
import { keyring, type Keyring } from '@/lib/security/personal-data';
import { existingTables } from '@/lib/supporters/filter-sql';

type Tx = Prisma.TransactionClient;

type SealedPerson = { emailSealed: string; nameSealed: string | null };

/** Every address and name the person gave, as typed in each place (lower-cased addresses), opened. */
async function personalValues(tx: Tx, supporter: { id: string } & SealedPerson, tables: Set<string>, keys: Keyring) {
  const rows: SealedPerson[] = [supporter];
  if (tables.has('Signature')) {
    rows.push(
      ...(await tx.$queryRaw<SealedPerson[]>`
        SELECT "emailSealed", "fullNameSealed" AS "nameSealed" FROM "Signature" WHERE "supporterId" = ${supporter.id}`),
    );
  }
  if (tables.has('Rsvp')) {
    rows.push(
      ...(await tx.$queryRaw<SealedPerson[]>`SELECT "emailSealed", "nameSealed" FROM "Rsvp" WHERE "supporterId" = ${supporter.id}`),
    );
  }
  const addresses = new Set(rows.map((row) => keys.open('email', row.emailSealed).toLowerCase()));
  const names = new Set(rows.map((row) => keys.openOptional('name', row.nameSealed) ?? '').filter((name) => name !== ANONYMISED_NAME));
  return { addresses: [...addresses], names: [...names].filter((name) => name.trim().length > 0) };
}

/** The outbox rows of the person: linked to them, or sent to one of their addresses without a link. */
async function outboxRowsOf(tx: Tx, supporterId: string, addresses: string[], keys: Keyring): Promise<string[]> {
  const rows = await tx.$queryRaw<Array<{ id: string; supporterId: string | null; toAddressSealed: string }>>`
    SELECT id, "supporterId", "toAddressSealed" FROM "OutboundMail"
     WHERE "supporterId" = ${supporterId} OR ("supporterId" IS NULL AND "redactedAt" IS NULL)`;
  const wanted = new Set(addresses);
  return rows
    .filter((row) => row.supporterId === supporterId || wanted.has(keys.open('email', row.toAddressSealed).toLowerCase()))
    .map((row) => row.id);
}

/**
 * Erasure that keeps the counts: the person's row and their signatures and RSVPs stay, anonymised
 * (lib/retention/anonymise.ts), so petition totals, figures by region and day, and campaign totals
 * do not move; everything that identifies them goes, wherever it was copied: outbox rows, caught
 * mail, jobs in the queue (waiting or finished), campaign ledger entries, audit details, partner
 * event submissions. They can never be mailed again. The audit entry says that an erasure happened,
 * not whose. Only with a fresh second factor.
 */
export async function eraseSupporter(supporterId: string, actor: Actor, now = new Date()): Promise<void> {
  await assertFreshSecondFactor(actor);
  const [tables, keys] = await Promise.all([existingTables(), keyring()]);
  // The queue's tables must exist before the transaction reads them.
  await getQueue();
  await db.$transaction(
    async (tx) => {
      const supporter = await tx.supporter.findUnique({
        where: { id: supporterId },
        select: { id: true, emailSealed: true, nameSealed: true },
      });
      if (!supporter) throw new AppError('NOT_FOUND', { messageKey: 'supporterNotFound' });
      const { addresses, names } = await personalValues(tx, supporter, tables, keys);

      await tx.supporter.update({
        where: { id: supporterId },
        data: {
          emailIndex: `erased:${supporterId}`,
          emailSealed: keys.seal('email', `erased-${supporterId}@${ANONYMISED_DOMAIN}`),
          nameSealed: null,
          citySealed: null,
          bouncedAt: now,
          bounceReason: 'erased',
        },
      });
      await tx.consent.deleteMany({ where: { supporterId } });
      await tx.supporterTag.deleteMany({ where: { supporterId } });
      await tx.importedSupporter.deleteMany({ where: { supporterId } });
      await tx.reformSubscription.deleteMany({ where: { supporterId } });
      await tx.unsubscribe.deleteMany({ where: { supporterId } });
      await tx.unsubscribe.create({ data: { supporterId, topic: 'all' } });

      const mailIds = await outboxRowsOf(tx, supporterId, addresses, keys);
      // Mail still waiting is not sent (one already handed to the server finishes and records its outcome).
      await tx.outboundMail.updateMany({
        where: { id: { in: mailIds }, status: 'PENDING', handedToSmtpAt: null },
        data: { status: 'SKIPPED', payloadSealed: null },
      });
      const outboundMails = await redactOutboundMail(tx, Prisma.sql`m.id = ANY(${mailIds}::text[])`, now);
      const jobs = await deleteJobsMentioning(tx, addresses, mailIds);
      const caughtMails = await deleteCaughtMailMentioning(tx, addresses);

      const signatures = tables.has('Signature') ? await anonymiseSignatures(tx, Prisma.sql`s."supporterId" = ${supporterId}`, now) : 0;
      const rsvps = tables.has('Rsvp') ? await anonymiseRsvps(tx, Prisma.sql`r."supporterId" = ${supporterId}`, now) : 0;

      // The ledger row stays so the campaign's totals hold; it keeps no trace of the message or its fate.
      const campaignRecipients = await tx.$executeRaw`
        UPDATE "CampaignRecipient"
           SET status = CASE WHEN status = 'PENDING' THEN 'SKIPPED'::"CampaignRecipientStatus" ELSE status END,
               "lastError" = NULL, "messageId" = NULL, "nextAttemptAt" = NULL
         WHERE "supporterId" = ${supporterId}`;
      const submissions = await tx.$executeRaw`
        UPDATE "Event" SET "submitterEmail" = ${`erased@${ANONYMISED_DOMAIN}`}, "submitterName" = NULL
         WHERE lower("submitterEmail") = ANY(${addresses}::text[])`;
      const auditEntries = await scrubAuditDetails(tx, addresses, names);

      await recordAudit(
        {
          actorId: actor.id,
          action: 'supporter.erase',
          subjectType: 'Supporter',
          details: { signatures, rsvps, outboundMails, jobs, caughtMails, campaignRecipients, submissions, auditEntries },
        },
        tx,
      );
    },
    { timeout: 60_000 },
  );
}
