import { headers } from 'next/headers';
import { log, type Logger } from '@/lib/log';
import { REQUEST_ID_HEADER } from '@/lib/request-id';

/**
 * A logger whose lines carry the request's id (lib/request-id.ts); the base logger outside a request
 * (jobs, scripts, tests). Call it only where the code is already bound to a request (route handlers,
 * server actions, work after a response): reading the headers makes a page dynamic.
 */
export async function requestLogger(component: string): Promise<Logger> {
  let requestId: string | null = null;
  try {
    requestId = (await headers()).get(REQUEST_ID_HEADER);
  } catch {
    // Outside a request there are no headers.
  }
  return log.child(requestId ? { component, requestId } : { component });
}
