/**
 * Next.js calls register() once per server process. With WORKER_IN_PROCESS (the default) the
 * pg-boss workers run inside the web server; the imports are dynamic so edge bundles stay free of
 * pg-boss and the Node-only modules behind it.
 */
/**
 * A wrong or missing master key stops the server at start with the reason, rather than serving pages
 * that fail on every sealed value. A database that is down only delays this to the first request.
 */
async function openKeyringOrExit(): Promise<void> {
  const { keyring } = await import('./lib/security/personal-data');
  const { KeyringError } = await import('./lib/security/keyring');
  try {
    await keyring();
  } catch (error) {
    if (!(error instanceof KeyringError)) return;
    console.error(`[dauys] ${error.message}`);
    process.exit(1);
  }
}

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { env } = await import('./lib/env');
  if (!env.DATABASE_URL) return;
  await openKeyringOrExit();
  if (!env.WORKER_IN_PROCESS) return;
  const { registerWorkers } = await import('./lib/jobs/register-workers');
  try {
    await registerWorkers();
  } catch (error) {
    // The site keeps serving; /api/health reports the queue as down until it can start.
    console.error('[worker] could not start the in-process workers', error);
  }
}
