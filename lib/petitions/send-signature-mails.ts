import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/generated/prisma/enums';
import { waitForSpareCpu } from '@/lib/jobs/spare-cpu';
import { partitionByMailBudget } from '@/lib/mail-budget';
import { sendMails } from '@/lib/mailer';
import { localized } from '@/lib/i18n/localized';
import { keyring } from '@/lib/security/personal-data';
import { hashRandomToken, newRandomToken } from '@/lib/security/tokens';

type DueRow = {
  id: bigint;
  emailSealed: string;
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
 * one. The token hashes, the mail counts and the outbox rows change in one transaction per batch,
 * in a few statements whatever its size; each petition's mail is rendered once per language.
 */
export async function sendSignatureMails(batchSize = 100): Promise<number> {
  let sent = 0;
  const keys = await keyring();
  for (;;) {
    await waitForSpareCpu();
    const count = await db.$transaction(
      async (tx) => {
        const sealed = await tx.$queryRaw<DueRow[]>`
          SELECT s.id, s."emailSealed", s."supporterId", s.locale, s.status, p.slug, p.title
            FROM "Signature" s JOIN "Petition" p ON p.id = s."petitionId"
           WHERE s."mailPending"
           ORDER BY s.id
           LIMIT ${batchSize}
           FOR UPDATE OF s SKIP LOCKED`;
        if (sealed.length === 0) return 0;
        const found = sealed.map((row) => ({ ...row, email: keys.open('email', row.emailSealed) }));
        // Over the address's mail budget: no mail and no new token, so the link mailed last still works.
        const { within: due, over } = await partitionByMailBudget(found, tx);
        if (over.length > 0)
          await tx.$executeRaw`UPDATE "Signature" SET "mailPending" = false WHERE id = ANY(${over.map((row) => row.id.toString())}::bigint[])`;
        if (due.length === 0) return found.length;
        const tokens = due.map(() => newRandomToken());
        await tx.$executeRaw`
          UPDATE "Signature" s SET "tokenHash" = v.hash, "mailPending" = false,
                 "mailsSent" = s."mailsSent" + 1, "lastMailAt" = now()
            FROM unnest(${due.map((row) => row.id.toString())}::text[], ${tokens.map(hashRandomToken)}::text[]) AS v(id, hash)
           WHERE s.id = v.id::bigint`;
        await sendMails(
          due.map((row, index) => ({
            to: row.email,
            supporterId: row.supporterId,
            locale: row.locale,
            template: row.status === 'CONFIRMED' ? 'petition-already-signed' : 'petition-confirm',
            props: { petitionTitle: localized(row.title, row.locale), ...signatureLinks(row.locale, row.slug, tokens[index]!) },
          })),
          tx,
          { perRecipientLinks: ['confirmUrl', 'withdrawUrl'] },
        );
        return found.length;
      },
      { timeout: 60_000 },
    );
    sent += count;
    if (count < batchSize) return sent;
  }
}
