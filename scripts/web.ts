/**
 * The production web server `npm start` runs: WEB_PROCESSES Next.js servers (default: one per CPU
 * core) sharing one port through node:cluster. A Next.js server runs its JavaScript on one core, so
 * on its own it leaves the others to PostgreSQL and the worker while signers wait
 * (docs/decisions/0008-one-web-process-per-core.md).
 * The processes share nothing but the database, like separate instances: what each keeps in memory
 * are caches of a few seconds. One that dies is started again; SIGINT/SIGTERM stop them gracefully.
 */
import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:http';
import path from 'node:path';
import { log } from '../lib/log';
import { productionBuildDir } from './lib/build-freshness';
import { stopChild, webProcessCount } from './lib/processes';

const ROOT = path.resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const RESTART_DELAY_MS = 1_000;
const LISTEN_BACKLOG = 4096;
/** Requests in progress get this long at a stop; under scripts/start.ts's 10 s before it kills. */
const GRACE_MS = 8_000;

const webLog = log.child({ component: 'web' });

function runPrimary(count: number) {
  const started = Date.now();
  let listening = 0;
  let stopping = false;

  cluster.on('listening', () => {
    listening += 1;
    if (listening === count)
      webLog.info(
        `✓ Ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${count} Next.js process${count === 1 ? '' : 'es'} on port ${port}`,
      );
  });
  cluster.on('exit', (_worker, code, signal) => {
    if (stopping) return;
    // One that never got to listen (port taken, build missing) would fail again: give up.
    if (listening < count) {
      webLog.fatal({ code, signal }, 'a Next.js process exited before it was ready');
      process.exit(1);
    }
    webLog.error({ code, signal }, 'a Next.js process exited; starting another');
    setTimeout(() => stopping || cluster.fork(), RESTART_DELAY_MS);
  });

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const servers = Object.values(cluster.workers ?? {}).filter((server): server is Worker => Boolean(server));
    await Promise.all(servers.map((server) => stopChild(server.process, GRACE_MS + 1_000)));
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());

  for (let i = 0; i < count; i += 1) cluster.fork();
}

async function runServer() {
  // Loaded here, not at the top: the primary only forks and watches.
  const { default: next } = await import('next');
  const { passPeerAddress } = await import('../lib/peer-address');
  const { stampRequestId } = await import('../lib/request-id');
  const { createRenderedPageCache } = await import('../lib/rendered-page-cache');
  const { createBuiltAssetServer } = await import('../lib/built-assets');
  const builtAssets = await createBuiltAssetServer(productionBuildDir(ROOT));
  const server = createServer();
  const app = next({ dev: false, dir: ROOT, hostname: 'localhost', port, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  const servePage = createRenderedPageCache();
  server.on('request', (request, response) => {
    // The TCP peer, for the per-IP limits: Next.js does not show it to app code (lib/peer-address.ts).
    passPeerAddress(request);
    // Scripts and styles are answered from memory and never logged: they need no request id (56 of
    // the about 360 bytes of each script's headers, a dozen scripts on a phone's first visit).
    if (builtAssets.serve(request, response)) return;
    // Here rather than in proxy.ts, so route handlers run without the proxy: running it cost the
    // Next.js process a fifth to a third of its CPU per signature (docs/benchmarks.md).
    stampRequestId(request, response);
    servePage(request, response, handle).catch((error: unknown) => {
      webLog.error({ err: error }, 'request failed');
      if (!response.headersSent) response.writeHead(500).end();
    });
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Requests in progress finish; idle keep-alive connections close.
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), GRACE_MS).unref();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
  // Node's default queue of 511 connections not yet accepted overflowed when people arrived faster
  // than a busy server accepted them: the kernel dropped their SYNs, and each tried again 1, 3, 7,
  // 15 and 31 s later (docs/benchmarks.md). Linux caps it at net.core.somaxconn (4096 by default).
  server.listen({ port, backlog: LISTEN_BACKLOG });
}

if (cluster.isPrimary) {
  // Each server accepts from the shared socket itself. Round-robin (the default) has the primary
  // accept and pass each connection on: one more hop, and a connection passed to a server that
  // just died hangs instead of failing.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const count = webProcessCount();
  if (count === null) {
    webLog.fatal(`WEB_PROCESSES must be a whole number from 1 to 64 (it is "${process.env.WEB_PROCESSES}").`);
    process.exit(1);
  }
  runPrimary(count);
} else {
  runServer().catch((error: unknown) => {
    webLog.fatal({ err: error }, 'the Next.js server could not start');
    process.exit(1);
  });
}
