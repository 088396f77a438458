import { readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/*
 * Background work gives way to requests (docs/decisions/0007). The kernel runs a worker started at
 * a lower priority only when the web servers leave it a core, but the statements a job sends and the
 * mail it hands over are worked by PostgreSQL and the mail server at normal priority: during a sign
 * surge on two cores, the confirmation mail tripled the signers' p99 that way. So such a process
 * asks the kernel (/proc/thread-self/schedstat) how this thread fared since it last asked: if it
 * waited in the run queue three times as long as it ran, higher-priority work has the cores, and the
 * next unit of background work starts PAUSE_MS later. Under a long surge jobs still move.
 */

/** Less runnable time than this since the last reading says too little to judge. */
const MIN_RUNNABLE_NS = 250e6;
/**
 * Waiting this many times as long as it ran: the cores are taken. Measured on two cores, the worker
 * waited 35–53 % of its runnable time while it sent a backlog of mail alone (its own statements'
 * PostgreSQL processes and the mail server competing) and 80–97 % during a sign surge.
 */
const BUSY_WAITING_RATIO = 3;
export const PAUSE_MS = 1_000;

type SchedulerTimes = { onCpuNs: number; waitingNs: number };

/** This thread's time on a CPU and waiting for one, from the kernel; null where it does not say (not Linux). */
function readSchedulerTimes(): SchedulerTimes | null {
  try {
    const [onCpu, waiting] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ');
    return { onCpuNs: Number(onCpu), waitingNs: Number(waiting) };
  } catch {
    return null;
  }
}

/** Only a process started at a lower priority (a niceness above 0, as `npm start` runs the worker) gives way. */
function runsAtLowerPriority(): boolean {
  try {
    return getPriority() > 0;
  } catch {
    return false;
  }
}

let lastReading = readSchedulerTimes();
let pause: Promise<void> | undefined;

/**
 * Resolves when this process may start a unit of background work: at once, unless it runs at a
 * lower priority and its thread waited for a CPU three times as long as it ran since the last reading; then
 * after PAUSE_MS. Concurrent callers share one pause.
 */
export function waitForSpareCpu(): Promise<void> {
  if (pause) return pause;
  if (!lastReading || !runsAtLowerPriority()) return Promise.resolve();
  const now = readSchedulerTimes();
  if (!now) return Promise.resolve();
  const onCpu = now.onCpuNs - lastReading.onCpuNs;
  const waiting = now.waitingNs - lastReading.waitingNs;
  if (onCpu + waiting < MIN_RUNNABLE_NS) return Promise.resolve();
  lastReading = now;
  if (waiting <= BUSY_WAITING_RATIO * onCpu) return Promise.resolve();
  pause = sleep(PAUSE_MS).finally(() => {
    lastReading = readSchedulerTimes();
    pause = undefined;
  });
  return pause;
}
