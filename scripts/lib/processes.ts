import type { ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

/** Sends SIGTERM, waits for the exit, and kills after the grace period. */
export async function stopChild(child: ChildProcess | undefined, graceMs: number): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timeout = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timeout);
}

/** How many Next.js processes scripts/web.ts runs: WEB_PROCESSES, or the number of cores; null when it is not 1–64. */
export function webProcessCount(setting = process.env.WEB_PROCESSES): number | null {
  if (setting === undefined || setting.trim() === '') return availableParallelism();
  const count = Number(setting);
  return Number.isInteger(count) && count >= 1 && count <= 64 ? count : null;
}
