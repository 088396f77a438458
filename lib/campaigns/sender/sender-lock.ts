import pg from 'pg';
import { requireDatabaseUrl } from '@/lib/env';

/** The one campaign sender at a time holds this session-level advisory lock. */
const SENDER_LOCK_KEY = 'dauys:campaign-sender';

export type SenderLock = { release(): Promise<void> };

/**
 * Tries to become THE campaign sender. Being the only one is what makes the throttle global and
 * lets the holder release rows left in SENDING. PostgreSQL drops the lock when the session ends, so
 * a killed sender (SIGKILL, power loss) frees it at once, without a lease to wait out.
 * NOTE: a dedicated pg connection, because Prisma does not pin one connection outside a transaction.
 */
export async function tryAcquireSenderLock(): Promise<SenderLock | null> {
  const client = new pg.Client({ connectionString: requireDatabaseUrl(), application_name: 'dauys-campaign-sender' });
  await client.connect();
  const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [SENDER_LOCK_KEY]);
  if (!rows[0]?.locked) {
    await client.end();
    return null;
  }
  client.on('error', () => {});
  return {
    release: async () => {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [SENDER_LOCK_KEY]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
