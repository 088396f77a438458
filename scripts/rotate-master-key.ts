/**
 * `npm run keys:rotate`: re-wraps the data keys that seal personal data under a new master key
 * (docs/privacy.md, "Keys"). Without downtime: running processes keep their data keys; each one
 * needs the new key only at its next start.
 *
 * With DAUYS_MASTER_KEY and DAUYS_NEW_MASTER_KEY set, it re-wraps under the new key and prints what to
 * do next. With the zero-config start's .data/master-key (and no DAUYS_MASTER_KEY), it makes the new key
 * itself, writes it to .data/master-key.next before the database changes, and moves it into place after.
 * DATABASE_URL defaults to the embedded PostgreSQL of a running `npm start`.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

const dataDir = path.resolve(process.env.DAUYS_DATA_DIR ?? '.data');
const keyFile = path.join(dataDir, 'master-key');

async function main() {
  process.env.DATABASE_URL ||= `postgresql://dauys:dauys@127.0.0.1:${process.env.DAUYS_PG_PORT ?? 54329}/dauys`;
  const { KeyringError, newMasterKey, parseMasterKey } = await import('../lib/security/keyring');
  const usesKeyFile = !process.env.DAUYS_MASTER_KEY;
  if (usesKeyFile && !existsSync(keyFile)) {
    throw new KeyringError(`DAUYS_MASTER_KEY is not set and ${keyFile} does not exist: nothing to rotate from.`);
  }
  const currentText = process.env.DAUYS_MASTER_KEY ?? (await readFile(keyFile, 'utf8'));
  if (!usesKeyFile && !process.env.DAUYS_NEW_MASTER_KEY) {
    throw new KeyringError(
      'Set DAUYS_NEW_MASTER_KEY to the new key (e.g. `openssl rand -base64 32`); DAUYS_MASTER_KEY is the current one.',
    );
  }
  const newText = process.env.DAUYS_NEW_MASTER_KEY ?? newMasterKey();
  const currentKey = parseMasterKey(currentText);
  const newKey = parseMasterKey(newText, 'DAUYS_NEW_MASTER_KEY');
  if (usesKeyFile) await writeFile(`${keyFile}.next`, `${newText.trim()}\n`, { mode: 0o600 });

  const { rotateMasterKey } = await import('../lib/security/rotate-master-key');
  const { db } = await import('../lib/db');
  try {
    const result = await rotateMasterKey(currentKey, newKey);
    console.log(`Re-wrapped ${result.rewrapped} data keys: master key ${result.from} → ${result.to}.`);
  } finally {
    await db.$disconnect();
  }
  if (usesKeyFile) {
    await rename(`${keyFile}.next`, keyFile);
    console.log(`The new master key is in ${path.relative(process.cwd(), keyFile)}; back it up and destroy the copies of the old one.`);
  } else {
    console.log('Set DAUYS_MASTER_KEY to the new key wherever Dauys runs; processes pick it up at their next start.');
  }
}

main().catch(async (error: unknown) => {
  const { KeyringError } = await import('../lib/security/keyring');
  console.error(error instanceof KeyringError ? error.message : error);
  process.exit(1);
});
