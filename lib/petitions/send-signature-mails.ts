import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/generated/prisma/enums';
import { sendMail } from '@/lib/mailer';
import { localized } from '@/lib/petitions/localized';
import { hashToken, newToken } from '@/lib/petitions/tokens';

type DueRow = {
  id: bigint;
  email: string;
  supporterId: string;
  locale: Locale;
  status: 'PENDING' | 'CONFIRMED';
  slug: string;
  title: unknown;
};

export function signatureLinks(locale: string, slug: string, token: string) {
  const base = `${env.APP_URL}/${locale}/petitions/${slug}`;
  const query = `token=${encodeURIComponent(token)}`;
  return { confirmUrl: `${base}/confirm?${query}`, withdrawUrl: `${base}/withdraw?${query}` };
}

/**
 * Sends the mails signatures are waiting for (mailPending), a batch at a time, each with a fresh
 * token: a confirmation request for a pending signature, "you have already signed" for a confirmed
 * one. The token hash, the mail count and the outbox row change in one transaction per batch.
 */
export async function sendSignatureMails(batchSize = 100): Promise<number> {
  let sent = 0;
  for (;;) {
    const count = await db.$transaction(
      async (tx) => {
        const due = await tx.$queryRaw<DueRow[]>`
          SELECT s.id, s.email, s."supporterId", s.locale, s.status, p.slug, p.title
            FROM "Signature" s JOIN "Petition" p ON p.id = s."petitionId"
           WHERE s."mailPending"
           ORDER BY s.id
           LIMIT ${batchSize}
           FOR UPDATE OF s SKIP LOCKED`;
        for (const row of due) {
          const token = newToken();
          await tx.$executeRaw`
            UPDATE "Signature" SET "tokenHash" = ${hashToken(token)}, "mailPending" = false,
                   "mailsSent" = "mailsSent" + 1, "lastMailAt" = now()
             WHERE id = ${row.id}`;
          const props = {
            petitionTitle: localized(row.title, row.locale),
            ...signatureLinks(row.locale, row.slug, token),
          };
          await sendMail(
            {
              to: row.email,
              supporterId: row.supporterId,
              locale: row.locale,
              template: row.status === 'CONFIRMED' ? 'petition-already-signed' : 'petition-confirm',
              props,
            },
            tx,
          );
        }
        return due.length;
      },
      { timeout: 60_000 },
    );
    sent += count;
    if (count < batchSize) return sent;
  }
}
