/**
 * Next.js calls register() once per server process. The Node-only start (lib/server-start.ts) is
 * imported behind the runtime check, in the form Next.js removes from edge bundles.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startServerProcess } = await import('./lib/server-start');
    await startServerProcess();
  }
}
