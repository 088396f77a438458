import type { IncomingHttpHeaders } from 'node:http';

/*
 * The id that ties a request's log lines together. The server `npm start` runs (scripts/web.ts)
 * gives every request one before Next.js sees it (keeping the id a proxy in front already gave it,
 * when it is a plain token) and sends it back in the response; under `next dev` or `next start`
 * proxy.ts does it for pages. Server code reads it with requestLogger() (lib/request-logger.ts).
 * This file imports nothing of Next.js: web.ts loads it before Next.js is set up.
 */

export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The incoming id when it is a short plain token (nginx's $request_id is), else a new one. */
export function requestIdFor(incoming: string | null): string {
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/** Sets the request's id on the request, for Next.js and the app, and on the response. */
export function stampRequestId(
  request: { headers: IncomingHttpHeaders },
  response: { setHeader(name: string, value: string): unknown },
): void {
  const incoming = request.headers[REQUEST_ID_HEADER];
  const requestId = requestIdFor(typeof incoming === 'string' ? incoming : null);
  request.headers[REQUEST_ID_HEADER] = requestId;
  response.setHeader(REQUEST_ID_HEADER, requestId);
}
