import { db } from '@/lib/db';
import { openCaughtMessage, type CaughtMessage } from '@/lib/mailbox/caught-message';
import { keyring } from '@/lib/security/personal-data';

export type CaughtMail = CaughtMessage & { id: string; receivedAt: Date };

export type CaughtMailSummary = Pick<CaughtMail, 'id' | 'to' | 'subject' | 'receivedAt'>;

/** The newest caught messages first, opened (the message is sealed, so the query can only bound them). */
export async function findLatestCaughtMail(limit = 100): Promise<CaughtMailSummary[]> {
  const rows = await db.caughtMail.findMany({ orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }], take: limit });
  const ring = await keyring();
  return rows.map(({ id, message, receivedAt }) => {
    const { to, subject } = openCaughtMessage(ring, message);
    return { id, to, subject, receivedAt };
  });
}

export async function findCaughtMailById(id: string): Promise<CaughtMail | null> {
  const row = await db.caughtMail.findUnique({ where: { id } });
  if (!row) return null;
  return { id: row.id, receivedAt: row.receivedAt, ...openCaughtMessage(await keyring(), row.message) };
}
