import { db } from '@/lib/db';
import { hashRandomToken } from '@/lib/security/tokens';

export type TokenLookup = {
  status: 'PENDING' | 'CONFIRMED';
  petitionId: string;
  petitionTitle: unknown;
  slug: string;
  isExpired: boolean;
  supporterId: string;
  wantsUpdates: boolean;
} | null;

/** Read-only: what a confirm/withdraw page shows on GET. Changes nothing, so link scanners are harmless. */
export async function findSignatureByToken(token: string, now = new Date()): Promise<TokenLookup> {
  const row = await db.signature.findUnique({
    where: { tokenHash: hashRandomToken(token) },
    select: {
      status: true,
      expiresAt: true,
      supporterId: true,
      wantsUpdates: true,
      petition: { select: { id: true, title: true, slug: true } },
    },
  });
  // An anonymised signature has no token and no supporter: its links answer as unknown.
  if (!row?.supporterId) return null;
  return {
    status: row.status,
    petitionId: row.petition.id,
    supporterId: row.supporterId,
    wantsUpdates: row.wantsUpdates,
    petitionTitle: row.petition.title,
    slug: row.petition.slug,
    isExpired: row.status === 'PENDING' && (!row.expiresAt || row.expiresAt <= now),
  };
}
