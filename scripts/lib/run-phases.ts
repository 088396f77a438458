import { spawn } from 'node:child_process';

export type Step = {
  name: string;
  command: string;
  args: string[];
  /** Print the output as it comes (one such step per phase); the others print theirs whole when they end. */
  live?: boolean;
};

export type StepResult = { name: string; ok: boolean; exit: string; seconds: number };

type Write = (text: string) => void;

function runStep(step: Step, write: Write): Promise<StepResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    const buffered: Buffer[] = [];
    const take = (chunk: Buffer) => (step.live ? write(chunk.toString()) : buffered.push(chunk));
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    let finished = false;
    const finish = (ok: boolean, exit: string) => {
      if (finished) return; // a command that cannot start emits both 'error' and 'close'
      finished = true;
      if (!step.live) write(`\n── ${step.name} (${exit}) ──\n${Buffer.concat(buffered).toString()}`);
      resolve({ name: step.name, ok, exit, seconds: (Date.now() - started) / 1000 });
    };
    child.once('error', (error) => finish(false, `could not start: ${error.message}`));
    // Only a 0 exit passes: a step killed by a signal (exit code null) fails.
    child.once('close', (code, signal) => finish(code === 0, signal ? `killed by ${signal}` : `exit ${code}`));
  });
}

/**
 * Runs the phases in order and the steps of a phase side by side. A phase with a failed step ends
 * the run after the phase (its other steps finish, so their output is complete). Resolves to the
 * process exit code: 0 only when every step of every phase exited 0.
 */
export async function runPhases(phases: Step[][], write: Write = (text) => process.stdout.write(text)): Promise<number> {
  const results: StepResult[] = [];
  let failed = false;
  for (const phase of phases) {
    results.push(...(await Promise.all(phase.map((step) => runStep(step, write)))));
    failed = results.some((result) => !result.ok);
    if (failed) break;
  }
  const skipped = phases.flat().slice(results.length);
  const lines = results.map(
    (r) => `${r.ok ? 'passed' : 'FAILED'}  ${r.name.padEnd(12)} ${r.seconds.toFixed(0).padStart(5)} s  (${r.exit})`,
  );
  lines.push(...skipped.map((step) => `skipped ${step.name} (an earlier step failed)`));
  write(`\n── summary ──\n${lines.join('\n')}\n`);
  return failed ? 1 : 0;
}
