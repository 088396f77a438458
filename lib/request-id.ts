/*
 * The id that ties a request's log lines together. proxy.ts gives every request one (keeping the
 * id a proxy in front already gave it, when it is a plain token) and sends it back in the response;
 * server code reads it with requestLogger() (lib/request-logger.ts).
 */

export const REQUEST_ID_HEADER = 'x-request-id';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The incoming id when it is a short plain token (nginx's $request_id is), else a new one. */
export function requestIdFor(incoming: string | null): string {
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
