import { db } from '@/lib/db';

/** Deletes unconfirmed signatures past their expiry; they never counted, so no count changes. */
export async function expirePendingSignatures(now = new Date()): Promise<number> {
  const { count } = await db.signature.deleteMany({ where: { status: 'PENDING', expiresAt: { lt: now } } });
  return count;
}
