/**
 * The CPU time each process group of a stack spends during a piece of work: user + system time from
 * /proc/<pid>/stat before and after, plus what children that exited meanwhile spent (their parent's
 * cutime/cstime; PostgreSQL's backends come and go). Linux only.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { statFields } from './memory';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User, system and reaped children's time ([11]–[14] after the state); 0 once exited (then in its parent's cutime). */
function cpuTicks(pid: number): number {
  const fields = statFields(pid)?.map(Number);
  return fields ? fields[11]! + fields[12]! + fields[13]! + fields[14]! : 0;
}

function groupTicks(groups: Map<string, number[]>): Map<string, number> {
  return new Map([...groups].map(([label, pids]) => [label, pids.reduce((sum, pid) => sum + cpuTicks(pid), 0)]));
}

/** The whole machine's busy CPU seconds since boot, all cores (/proc/stat). */
function machineBusySeconds(): number {
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = readFileSync('/proc/stat', 'utf8')
    .split('\n')[0]!
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

/**
 * CPU seconds per group (groups read before and after, so processes started meanwhile count from 0),
 * and what the rest of the machine spent meanwhile (`elsewhere`): a slow run is read against it.
 */
export async function cpuSecondsDuring<T>(
  groups: () => Map<string, number[]>,
  work: () => Promise<T>,
): Promise<{ result: T; seconds: Map<string, number>; elsewhere: number }> {
  const before = groupTicks(groups());
  const machineBefore = machineBusySeconds();
  const result = await work();
  const machine = machineBusySeconds() - machineBefore;
  const after = groupTicks(groups());
  const seconds = new Map([...after].map(([label, ticks]) => [label, Math.max(0, ticks - (before.get(label) ?? 0)) / TICKS_PER_SECOND]));
  const inGroups = [...seconds.values()].reduce((sum, each) => sum + each, 0);
  return { result, seconds, elsewhere: Math.max(0, machine - inGroups) };
}

/** "Next.js process 1 8.3, job worker 5.2, … = 16.4": milliseconds of CPU per unit of work, per group and in all. */
export function formatCpuPer(seconds: Map<string, number>, units: number): string {
  const perUnit = [...seconds].filter(([, s]) => s > 0).map(([label, s]) => [label, (s * 1000) / Math.max(1, units)] as const);
  const total = perUnit.reduce((sum, [, ms]) => sum + ms, 0);
  return `${perUnit.map(([label, ms]) => `${label.replace(/ \(.*\)$/, '')} ${ms.toFixed(1)}`).join(', ')} = ${total.toFixed(1)} ms`;
}
