/**
 * Next.js calls register() once per server process. With WORKER_IN_PROCESS (the default) the
 * pg-boss workers run inside the web server; the imports are dynamic so edge bundles stay free of
 * pg-boss and the Node-only modules behind it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  if (!env.WORKER_IN_PROCESS || !env.DATABASE_URL) return;
  const { registerWorkers } = await import('./lib/jobs/register-workers');
  try {
    await registerWorkers();
  } catch (error) {
    // The site keeps serving; /api/health reports the queue as down until it can start.
    console.error('[worker] could not start the in-process workers', error);
  }
}
