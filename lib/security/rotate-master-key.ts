import { db } from '@/lib/db';
import { masterKeyFingerprint, unwrapDataKey, wrapDataKey, type DataKeyRow } from '@/lib/security/keyring';

export type RotationResult = { rewrapped: number; from: string; to: string };

/**
 * Re-wraps every data key under a new master key, in one transaction. The data keys themselves do
 * not change, so nothing else is rewritten and running processes (which hold the data keys, not
 * the master key) keep working: a restart with the new key is needed only when they next start.
 * A wrong current key changes nothing and says so.
 */
export async function rotateMasterKey(currentKey: Buffer, newKey: Buffer, now = new Date()): Promise<RotationResult> {
  const rewrapped = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<DataKeyRow[]>`SELECT id, purpose::text AS purpose, wrapped FROM "DataKey" ORDER BY id FOR UPDATE`;
    for (const row of rows) {
      const wrapped = wrapDataKey(newKey, row, unwrapDataKey(currentKey, row));
      await tx.$executeRaw`UPDATE "DataKey" SET wrapped = ${wrapped}, "rewrappedAt" = ${now} WHERE id = ${row.id}`;
    }
    return rows.length;
  });
  return { rewrapped, from: masterKeyFingerprint(currentKey), to: masterKeyFingerprint(newKey) };
}
