import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * The real job worker (`npm run worker`, scripts/worker.ts) as a child process, so a test can
 * SIGKILL it in the middle of a run and start it again, as `npm start` does.
 */
export type WorkerProcess = {
  child: ChildProcess;
  /** Resolves once it has registered its workers ("[worker] running"). */
  ready: Promise<void>;
  exited: Promise<number | null>;
  output: () => string;
  kill: () => Promise<void>;
};

const root = path.resolve(__dirname, '../../..');

export function startWorker(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/worker.ts')], {
    cwd: root,
    env: { ...process.env, WORKER_IN_PROCESS: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (/\[worker\] running|"component":"worker".*"msg":"running/.test(output)) markReady();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    ready: Promise.race([ready, exited.then((code) => Promise.reject(new Error(`worker exited (${code}) before it ran:\n${output}`)))]),
    exited,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * The mail settings of the fault tests, set in this process (which queues the mail: a job carries
 * its retry options) and given to every worker: first retry after 1 s (production: 30 s).
 */
export function applyFastMailSettings(smtpUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  const env = {
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Dauys <no-reply@dauys.test>',
    APP_URL: 'https://dauys.test',
    MAIL_RETRY_DELAY_SECONDS: '1',
    MAIL_RETRY_MAX_DELAY_SECONDS: '2',
    MAIL_SEND_TIMEOUT_SECONDS: '5',
    MAIL_RELAY_PROBE_SECONDS: '1',
    ...extra,
  };
  Object.assign(process.env, env);
  return env;
}

/** Workers started by one test file, all killed at its end; `current` is the one started last. */
export class WorkerFleet {
  private readonly started: WorkerProcess[] = [];
  current: WorkerProcess | undefined;

  constructor(private readonly env: () => Record<string, string>) {}

  start(): WorkerProcess {
    this.current = startWorker({ DATABASE_URL: process.env.DATABASE_URL!, ...this.env() });
    this.started.push(this.current);
    return this.current;
  }

  async killAll(): Promise<void> {
    await Promise.all(this.started.map((worker) => worker.kill()));
  }
}
