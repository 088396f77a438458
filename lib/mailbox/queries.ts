import { db } from '@/lib/db';

export type CaughtMailSummary = { id: string; toAddrs: string[]; subject: string; receivedAt: Date };

/** The newest caught messages first. */
export async function findLatestCaughtMail(limit = 100): Promise<CaughtMailSummary[]> {
  return db.caughtMail.findMany({
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: { id: true, toAddrs: true, subject: true, receivedAt: true },
  });
}

export async function findCaughtMailById(id: string) {
  return db.caughtMail.findUnique({
    where: { id },
    select: { id: true, fromAddr: true, toAddrs: true, subject: true, text: true, html: true, raw: true, receivedAt: true },
  });
}
