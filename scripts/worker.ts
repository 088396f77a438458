/**
 * `npm run worker`: the job workers as their own process, for when the web servers run with
 * WORKER_IN_PROCESS=false. Needs DATABASE_URL and SMTP_URL like the web server.
 */
import { registerWorkers, unregisterWorkers } from '../lib/jobs/register-workers';

let stopping = false;

async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`[worker] ${signal}: finishing jobs in hand…`);
  try {
    await unregisterWorkers();
    console.log('[worker] stopped');
    process.exit(0);
  } catch (error) {
    console.error('[worker] stop failed', error);
    process.exit(1);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));

registerWorkers().then(
  () => console.log('[worker] running: mail delivery and the outbox sweeper'),
  (error: unknown) => {
    console.error('[worker] could not start', error);
    process.exit(1);
  },
);
