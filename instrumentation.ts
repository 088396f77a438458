import type { Instrumentation } from 'next';
import { REQUEST_ID_HEADER } from './lib/request-id';

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

/** A page, action or route that threw: one log entry with the digest the error page shows and the request id. */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log } = await import('./lib/log');
  const requestId = request.headers[REQUEST_ID_HEADER];
  log.error(
    {
      component: 'next',
      err: error,
      digest: (error as { digest?: string }).digest,
      requestId: typeof requestId === 'string' ? requestId : undefined,
      method: request.method,
      path: request.path,
      routePath: context.routePath,
      routeType: context.routeType,
    },
    'request failed',
  );
};
