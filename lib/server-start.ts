import { env } from '@/lib/env';
import { KeyringError } from '@/lib/security/keyring';
import { keyring } from '@/lib/security/personal-data';
import { log } from '@/lib/log';

const serverLog = log.child({ component: 'server' });

/**
 * A web server process starting (instrumentation.ts). A wrong or missing master key stops it with the
 * reason, rather than serving pages that fail on every sealed value (a database that is down only
 * delays the check to the first request). With WORKER_IN_PROCESS (the default) the pg-boss workers
 * run inside it; when they cannot start the site keeps serving and /api/health reports the queue down.
 */
export async function startServerProcess(): Promise<void> {
  if (!env.DATABASE_URL) return;
  try {
    await keyring();
  } catch (error) {
    if (error instanceof KeyringError) {
      serverLog.fatal(error.message);
      process.exit(1);
    }
  }
  if (!env.WORKER_IN_PROCESS) return;
  const { registerWorkers } = await import('@/lib/jobs/register-workers');
  try {
    await registerWorkers();
  } catch (error) {
    serverLog.error({ err: error }, 'could not start the in-process workers');
  }
}
