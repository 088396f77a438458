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

/** A whole-number setting: the fallback when it is unset or blank, null when it is not a whole number from min to max. */
export function wholeNumberSetting(setting: string | undefined, min: number, max: number, fallback: number): number | null {
  if (setting === undefined || setting.trim() === '') return fallback;
  const value = Number(setting);
  return Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** How many Next.js processes scripts/web.ts runs: WEB_PROCESSES, or the number of cores; null when it is not 1–64. */
export function webProcessCount(setting = process.env.WEB_PROCESSES): number | null {
  return wholeNumberSetting(setting, 1, 64, availableParallelism());
}
