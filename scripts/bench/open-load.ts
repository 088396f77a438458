/**
 * An open-model load: requests start at evenly spaced moments whatever the server's pace, as
 * people arrive, and each latency counts from the moment its request was due, so a stall shows in
 * the figures instead of slowing the load down (no coordinated omission, as in wrk2).
 *
 * autocannon's `overallRate` is not this: each connection sends its per-second budget at the start
 * of every second, so "300/s" arrives as a burst of 300 at the top of each second.
 */
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export type OpenLoadRequest = { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string };

export type LatencySummary = { p50: number; p99: number; max: number };

export type OpenLoadResult = LatencySummary & {
  sent: number;
  ok: number;
  failed: number;
  /** What the failed ones got: a status code, or the socket error's code. */
  failures: Record<string, number>;
  ratePerSecond: number;
  /** The same figures for the requests due in each `windowSeconds` (when asked for). */
  windows: LatencySummary[];
  /** How late this process's own event loop ran (ms): a stall here counts in every latency above, not the server's doing. */
  generatorDelay: { p99: number; max: number };
};

/** " (503 ×3, ECONNRESET ×1)" for a result's failures, or nothing when there were none. */
export function describeFailures(failures: Record<string, number>): string {
  const parts = Object.entries(failures).map(([what, count]) => `${what} ×${count}`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

function summarise(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: Math.round(percentile(sorted, 0.5)), p99: Math.round(percentile(sorted, 0.99)), max: Math.round(sorted.at(-1) ?? 0) };
}

export async function openLoad(options: {
  url: string;
  ratePerSecond: number;
  seconds: number;
  next: () => OpenLoadRequest;
  onOk?: (request: OpenLoadRequest) => void;
  windowSeconds?: number;
}): Promise<OpenLoadResult> {
  const base = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
  const total = Math.round(options.ratePerSecond * options.seconds);
  const interval = 1000 / options.ratePerSecond;
  const latencies: number[] = [];
  const windows: number[][] = [];
  let ok = 0;
  const failures: Record<string, number> = {};
  const fail = (what: string) => {
    failures[what] = (failures[what] ?? 0) + 1;
  };
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const start = performance.now() + 50;
  const inFlight: Promise<void>[] = [];

  const send = (request: OpenLoadRequest, due: number) =>
    new Promise<void>((resolve) => {
      const outgoing = http.request(
        { agent, host: base.hostname, port: base.port, method: request.method, path: request.path, headers: request.headers },
        (response) => {
          response.resume();
          response.on('end', () => {
            const latency = performance.now() - due;
            latencies.push(latency);
            if (options.windowSeconds) (windows[Math.floor((due - start) / (options.windowSeconds * 1000))] ??= []).push(latency);
            if (response.statusCode && response.statusCode < 300) {
              ok += 1;
              options.onOk?.(request);
            } else fail(String(response.statusCode));
            resolve();
          });
        },
      );
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        fail(error.code ?? 'error');
        resolve();
      });
      outgoing.end(request.body);
    });

  for (let index = 0; index < total; index += 1) {
    const due = start + index * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(options.next(), due));
  }
  await Promise.all(inFlight);
  loopDelay.disable();
  agent.destroy();
  const elapsed = (performance.now() - start) / 1000;
  const failed = Object.values(failures).reduce((sum, count) => sum + count, 0);
  return {
    sent: total,
    ok,
    failed,
    failures,
    ...summarise(latencies),
    ratePerSecond: ok / elapsed,
    windows: windows.map(summarise),
    generatorDelay: { p99: Math.round(loopDelay.percentile(99) / 1e6), max: Math.round(loopDelay.max / 1e6) },
  };
}
