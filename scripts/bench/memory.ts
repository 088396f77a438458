/**
 * The memory of a running stack, per process: PSS from /proc/<pid>/smaps_rollup (shared pages are
 * divided among the processes that map them, so the figures add up), RSS where PSS is not readable.
 * Processes are found by walking /proc's parent links down from the pids given. Linux only.
 */
import { readdirSync, readFileSync } from 'node:fs';

export type ProcessMemory = { label: string; pids: number[]; megabytes: number; measure: 'PSS' | 'RSS' };

/** The fields of /proc/<pid>/stat after the command name, from the state on ([0] state, [1] parent); null once it exited. */
export function statFields(pid: number): string[] | null {
  try {
    // The command name (field 2) may hold spaces and parentheses; the fields after its last ')' do not.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  const fields = statFields(pid);
  return fields ? Number(fields[1]) : null;
}

/** The pid given and all its descendants, parents before children. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Kilobytes of PSS, or of RSS when smaps_rollup cannot be read (another user's process). */
function memoryKb(pid: number): { kb: number; measure: 'PSS' | 'RSS' } {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    return { kb: Number(/^Pss:\s+(\d+)/m.exec(rollup)![1]), measure: 'PSS' };
  } catch {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return { kb: Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0), measure: 'RSS' };
    } catch {
      return { kb: 0, measure: 'RSS' };
    }
  }
}

/** One row per group: the processes `label` names (null: left out), summed. */
export function measureGroups(pids: number[], label: (pid: number) => string | null): ProcessMemory[] {
  const rows = new Map<string, ProcessMemory>();
  for (const pid of pids) {
    const name = label(pid);
    if (name === null) continue;
    const { kb, measure } = memoryKb(pid);
    const row = rows.get(name) ?? { label: name, pids: [], megabytes: 0, measure };
    row.pids.push(pid);
    row.megabytes += kb / 1024;
    if (measure === 'RSS') row.measure = 'RSS';
    rows.set(name, row);
  }
  return [...rows.values()];
}

export function formatMemory(rows: ProcessMemory[], width: number): string[] {
  const total = rows.reduce((sum, row) => sum + row.megabytes, 0);
  return [
    ...rows.map(
      (row) =>
        `  ${row.label.padEnd(width - 2)} ${row.megabytes.toFixed(0).padStart(5)} MB ${row.measure}, ${row.pids.length} process${row.pids.length === 1 ? '' : 'es'}`,
    ),
    `  ${'total'.padEnd(width - 2)} ${total.toFixed(0).padStart(5)} MB`,
  ];
}

export function totalMegabytes(rows: ProcessMemory[]): number {
  return rows.reduce((sum, row) => sum + row.megabytes, 0);
}

/**
 * Every process of a Dauys stack by role: the launcher (scripts/start.ts, which also runs the mail
 * catcher when no SMTP_URL is given), scripts/web.ts's primary and each Next.js process, the job
 * worker, the loaders' helpers, and PostgreSQL's processes together (from the postmaster's pid,
 * first line of postmaster.pid in its data directory).
 */
export function dauysStackGroups(launcherPid: number, postgresDataDir: string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  const add = (label: string, pid: number) => groups.set(label, [...(groups.get(label) ?? []), pid]);
  let nextProcesses = 0;
  for (const pid of processTree(launcherPid)) {
    const command = commandLine(pid);
    if (pid === launcherPid) add('launcher (scripts/start.ts)', pid);
    else if (command.includes('scripts/web.ts')) {
      const parent = parentOf(pid);
      if (parent !== null && commandLine(parent).includes('scripts/web.ts')) add(`Next.js process ${(nextProcesses += 1)}`, pid);
      else add('web primary (scripts/web.ts, node:cluster)', pid);
    } else if (command.includes('scripts/worker.ts')) add('job worker (scripts/worker.ts)', pid);
    else if (command.includes('esbuild')) add('esbuild services (the tsx loader)', pid);
    else add(command.split(' ')[0]?.split('/').at(-1) ?? String(pid), pid);
  }
  groups.set('PostgreSQL (all its processes)', postgresProcesses(postgresDataDir));
  return groups;
}

/** The postmaster (first line of postmaster.pid in its data directory) and every process under it. */
export function postgresProcesses(dataDir: string): number[] {
  return processTree(Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]));
}

/** The memory of every process of a Dauys stack, one row per role (dauysStackGroups). */
export function dauysStackMemory(launcherPid: number, postgresDataDir: string): ProcessMemory[] {
  const groups = dauysStackGroups(launcherPid, postgresDataDir);
  const labels = new Map([...groups].flatMap(([label, pids]) => pids.map((pid) => [pid, label] as const)));
  return measureGroups([...labels.keys()], (pid) => labels.get(pid) ?? null);
}
