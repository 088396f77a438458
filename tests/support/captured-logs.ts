import { captureLogs } from '@/lib/log';

export type LogEntry = { level: string; msg: string; [field: string]: unknown };

/** The base logger's JSON lines (every component's) from now until `stop()`, instead of stdout. */
export function captureLogLines() {
  const lines: string[] = [];
  const stop = captureLogs({ write: (line: string) => void lines.push(line) });
  return {
    /** Everything written, as written. */
    text: () => lines.join(''),
    entries: (level?: string) => lines.map((line) => JSON.parse(line) as LogEntry).filter((entry) => !level || entry.level === level),
    stop,
  };
}
