import { readFileSync } from 'node:fs';

/** FAKETIME as libfaketime's "@" form: a start date with nothing after it (speed or step modifiers are left alone). */
const ABSOLUTE_START = /^@\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/;

/**
 * The FAKETIME that shows every process the clock this one shows now: a fixed offset from the real
 * clock ("+N" / "-N" seconds). With "@date" each process starts its own clock at that date when it
 * starts, so a PostgreSQL restarted 20 s into a test lives 20 s in the past of the test (and of the
 * PostgreSQL it replaced). Null when FAKETIME is not in the "@" form.
 */
export function offsetFakeTime(fakeTime: string | undefined, fakeNowMs: number, realNowMs: number): string | null {
  if (!fakeTime || !ABSOLUTE_START.test(fakeTime)) return null;
  const seconds = Math.round((fakeNowMs - realNowMs) / 1000);
  return `${seconds >= 0 ? '+' : ''}${seconds}`;
}

/** The real time, from the kernel's boot time and uptime: files libfaketime does not rewrite. */
function realNowMs(): number {
  const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
  const uptimeSeconds = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
  return (bootSeconds + uptimeSeconds) * 1000;
}

/**
 * Under `faketime -f '@date'`, gives the children this process starts from now on the clock it
 * shows. Processes of the same user share it anyway (libfaketime's shared memory); one started as
 * another user, as the embedded PostgreSQL is under root, would start its clock again. This
 * process's own clock does not move: the offset is what it already shows. Linux only; elsewhere,
 * or with any other FAKETIME, nothing changes.
 */
export function shareFakeClockWithChildren(): void {
  try {
    const offset = offsetFakeTime(process.env.FAKETIME, Date.now(), realNowMs());
    if (offset !== null) process.env.FAKETIME = offset;
  } catch {
    // no /proc: not Linux, so no libfaketime either
  }
}
