import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPhases, type Step } from './run-phases';

// Real child processes: `npm test` is this runner, and a runner that exits 0 on a failure once hid eight failing tests.
const node = (name: string, code: string, live = false): Step => ({ name, command: process.execPath, args: ['-e', code], live });

async function run(phases: Step[][]) {
  let output = '';
  const code = await runPhases(phases, (text) => (output += text));
  return { code, output };
}

describe('runPhases', () => {
  it('exits 0 only when every step exits 0, and runs the steps of a phase side by side', async () => {
    // Each of the two steps marks that it runs, then waits for the other's mark: run one after the other, the first would fail.
    const dir = mkdtempSync(path.join(tmpdir(), 'run-phases-'));
    const meetsOther = (self: string, other: string) =>
      `const fs = require('fs'); fs.writeFileSync(${JSON.stringify(path.join(dir, self))}, '');
       const deadline = Date.now() + 20000;
       const wait = () => fs.existsSync(${JSON.stringify(path.join(dir, other))}) ? console.log('from ${self}')
         : Date.now() > deadline ? process.exit(1) : setTimeout(wait, 20);
       wait();`;
    const { code, output } = await run([
      [node('a', meetsOther('a', 'b')), node('b', meetsOther('b', 'a'))],
      [node('c', 'console.log("from c")', true)],
    ]);
    expect(code).toBe(0);
    expect(output).toMatch(/── a \(exit 0\) ──\nfrom a/);
    expect(output).toMatch(/── b \(exit 0\) ──\nfrom b/);
    expect(output).toContain('from c');
    expect(output).toMatch(/passed\s+c/);
  });

  it('a failing step fails the run, its phase completes and later phases are skipped', async () => {
    const { code, output } = await run([
      [node('fails', 'console.error("broken"); process.exit(3)'), node('slow', 'setTimeout(() => console.log("done"), 300)')],
      [node('never', 'console.log("ran")')],
    ]);
    expect(code).toBe(1);
    expect(output).toMatch(/── fails \(exit 3\) ──\nbroken/);
    expect(output).toMatch(/── slow \(exit 0\) ──\ndone/);
    expect(output).not.toContain('ran');
    expect(output).toMatch(/FAILED\s+fails/);
    expect(output).toContain('skipped never');
  });

  it('a step killed by a signal, or one that cannot start, fails the run', async () => {
    const killed = await run([[node('killed', 'process.kill(process.pid, "SIGKILL")')]]);
    expect(killed.code).toBe(1);
    expect(killed.output).toMatch(/FAILED\s+killed.*killed by SIGKILL/);
    const missing = await run([[{ name: 'missing', command: '/nonexistent/runner', args: [] }]]);
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/FAILED\s+missing.*could not start/);
  });
});
