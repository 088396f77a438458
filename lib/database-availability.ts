/*
 * Whether an error means "the database cannot be reached right now" (down, restarting, or every
 * pooled connection busy), which callers answer with 503 and Retry-After instead of a 500: the
 * request may well succeed a few seconds later, and nothing was stored.
 */

/** Seconds a client is asked to wait before trying again while the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

// Prisma's codes: can't reach (P1001), timed out (P1002, P1008), closed the connection (P1017),
// no pooled connection in time (P2024), no transaction started in time (P2028).
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
// Driver adapter kinds for the same, from @prisma/adapter-pg.
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
// SQLSTATE: admin shutdown, crash shutdown, starting up, too many connections, connection failures.
const SQL_STATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const MESSAGES =
  /Can't reach database server|Connection terminated|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery)|ECONNREFUSED|ECONNRESET/;

type ErrorShape = {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } };
};

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const shape = current as ErrorShape;
    const adapterCause = shape.meta?.driverAdapterError?.cause;
    if (typeof shape.code === 'string' && (PRISMA_CODES.has(shape.code) || SQL_STATES.has(shape.code))) return true;
    if (adapterCause && (ADAPTER_KINDS.has(String(adapterCause.kind)) || SQL_STATES.has(String(adapterCause.code)))) return true;
    if (typeof shape.message === 'string' && MESSAGES.test(shape.message)) return true;
    current = shape.cause;
  }
  return false;
}
