import { db } from '@/lib/db';
import { queueSchemaVersion } from '@/lib/queue';

export const dynamic = 'force-dynamic';

type Check = 'ok' | 'error';

const TIMEOUT_MS = 3000;

async function check(probe: () => Promise<unknown>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
  });
  try {
    await Promise.race([probe(), timeout]);
    return 'ok';
  } catch {
    return 'error';
  } finally {
    clearTimeout(timer);
  }
}

/** For load balancers and uptime checks: the database answers, and pg-boss's schema is reachable. */
export async function GET(): Promise<Response> {
  const [database, queue] = await Promise.all([
    check(() => db.$queryRaw`SELECT 1`),
    check(async () => {
      if ((await queueSchemaVersion()) === null) throw new Error('pg-boss is not installed');
    }),
  ]);
  const healthy = database === 'ok' && queue === 'ok';
  return Response.json(
    { status: healthy ? 'ok' : 'error', database, queue },
    { status: healthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
