import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { canonicalEmail } from '@/lib/security/canonical-email';
import { KeyringError, loadKeyringWith, newMasterKey, parseMasterKey, type KeyQuery } from '@/lib/security/keyring';
import { keyring } from '@/lib/security/personal-data';
import { rotateMasterKey } from '@/lib/security/rotate-master-key';
import { freePort } from '@/scripts/lib/free-port';
import { TEST_MASTER_KEY } from '@/tests/support/test-master-key';

const query: KeyQuery = (sql, params) => db.$queryRawUnsafe(sql, ...params);
const ROOT = path.resolve(__dirname, '../..');

function runScript(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

afterAll(() => db.$disconnect());

describe('one person, one address', () => {
  it('folds case, +tags and Gmail dots, and keeps other addresses apart', () => {
    expect(canonicalEmail(' Aigerim.K+petition@GoogleMail.com ')).toBe('aigerimk@gmail.com');
    expect(canonicalEmail('aigerim.k@example.kz')).toBe('aigerim.k@example.kz');
    expect(canonicalEmail('dana+alerts@mail.ru')).toBe('dana@mail.ru');
    expect(canonicalEmail('dana@mail.ru')).not.toBe(canonicalEmail('dana2@mail.ru'));
  });

  it('gives aliases one blind index that is not the address', async () => {
    const keys = await keyring();
    expect(keys.emailIndex('Aigerim.K+x@gmail.com')).toBe(keys.emailIndex('aigerimk@googlemail.com'));
    expect(keys.emailIndex('aigerimk@gmail.com')).not.toContain('aigerim');
    expect(keys.emailIndex('a@example.org')).not.toBe(keys.emailIndex('b@example.org'));
  });
});

describe('sealed values', () => {
  it('open to what was sealed, differ every time, and refuse another kind or a change', async () => {
    const keys = await keyring();
    const sealed = keys.seal('name', 'Айгерім Қарімова');
    expect(sealed).not.toContain('Айгерім');
    expect(keys.seal('name', 'Айгерім Қарімова')).not.toBe(sealed);
    expect(keys.open('name', sealed)).toBe('Айгерім Қарімова');
    expect(() => keys.open('email', sealed)).toThrow(KeyringError);
    const body = sealed.split('.')[2]!;
    const flipped = `${sealed.slice(0, sealed.length - body.length)}${body[0] === 'A' ? 'B' : 'A'}${body.slice(1)}`;
    expect(() => keys.open('name', flipped)).toThrow(KeyringError);
    expect(() => keys.open('name', 'Айгерім Қарімова')).toThrow(KeyringError);
  });

  it('a compressed seal is smaller than the plain one for a mail, opens the same, and cannot pass as plain', async () => {
    const keys = await keyring();
    const mail = `<p>Айгерім, растаңыз: https://dauys.example/confirm/${'x'.repeat(64)}</p>\n`.repeat(60);
    const plain = keys.seal('mail', mail);
    const compressed = await keys.sealCompressed('mail', mail);
    expect(compressed).toMatch(/^v1z\.\d+\./);
    expect(compressed.length * 4).toBeLessThan(plain.length);
    expect(keys.open('mail', compressed)).toBe(mail);
    expect(keys.open('mail', plain)).toBe(mail);
    expect((await keys.openBytes('mail', compressed)).toString('utf8')).toBe(mail);
    expect(() => keys.open('text', compressed)).toThrow(KeyringError);
    expect(() => keys.open('mail', compressed.replace(/^v1z\./, 'v1.'))).toThrow(KeyringError);
    expect(() => keys.open('mail', plain.replace(/^v1\./, 'v1z.'))).toThrow(KeyringError);
  });

  it('two processes starting at once make one set of data keys', async () => {
    const master = parseMasterKey(TEST_MASTER_KEY);
    const [a, b] = await Promise.all([loadKeyringWith(query, master), loadKeyringWith(query, master)]);
    expect(a.open('email', b.seal('email', 'same@example.org'))).toBe('same@example.org');
    expect(await db.dataKey.count()).toBe(2);
  });

  it('a wrong master key fails with the reason, never with garbage', async () => {
    await keyring();
    const wrong = parseMasterKey(newMasterKey());
    await expect(loadKeyringWith(query, wrong)).rejects.toThrow(/does not open data key 1 of this database/);
    expect(() => parseMasterKey('too-short')).toThrow(/32 random bytes/);
  });
});

describe('rotating the master key', () => {
  it('re-wraps the data keys: values sealed before open with the new key, the old key no longer opens them', async () => {
    const before = await keyring();
    const sealed = before.seal('email', 'rotate.me@example.org');
    const index = before.emailIndex('rotate.me@example.org');
    const current = parseMasterKey(TEST_MASTER_KEY);
    const next = parseMasterKey(newMasterKey());

    const result = await rotateMasterKey(current, next);
    expect(result.rewrapped).toBe(2);
    const after = await loadKeyringWith(query, next);
    expect(after.open('email', sealed)).toBe('rotate.me@example.org');
    expect(after.emailIndex('rotate.me@example.org')).toBe(index);
    await expect(loadKeyringWith(query, current)).rejects.toThrow(KeyringError);
    // A wrong "current" key changes nothing.
    await expect(rotateMasterKey(current, parseMasterKey(newMasterKey()))).rejects.toThrow(KeyringError);
    expect((await loadKeyringWith(query, next)).open('email', sealed)).toBe('rotate.me@example.org');

    await rotateMasterKey(next, current);
  });

  it('`npm run keys:rotate` does it from the command line, and refuses a wrong key', async () => {
    const next = newMasterKey();
    const url = process.env.DATABASE_URL!;
    const refused = await runScript('scripts/rotate-master-key.ts', {
      DATABASE_URL: url,
      DAUYS_MASTER_KEY: newMasterKey(),
      DAUYS_NEW_MASTER_KEY: next,
    });
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/does not open data key/);

    const rotated = await runScript('scripts/rotate-master-key.ts', {
      DATABASE_URL: url,
      DAUYS_MASTER_KEY: TEST_MASTER_KEY,
      DAUYS_NEW_MASTER_KEY: next,
    });
    expect(rotated.output).toMatch(/Re-wrapped 2 data keys/);
    expect(rotated.code).toBe(0);
    await expect(loadKeyringWith(query, parseMasterKey(next))).resolves.toBeDefined();
    await rotateMasterKey(parseMasterKey(next), parseMasterKey(TEST_MASTER_KEY));
  });
});

describe('starting with a wrong key', () => {
  it('`npm start` stops before serving, saying the key does not open this database', async () => {
    await keyring();
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dauys-wrong-key-'));
    try {
      const started = await runScript('scripts/start.ts', {
        DATABASE_URL: process.env.DATABASE_URL!,
        SMTP_URL: 'smtp://127.0.0.1:9',
        PORT: String(await freePort()),
        DAUYS_DATA_DIR: dataDir,
        DAUYS_MASTER_KEY: newMasterKey(),
      });
      expect(started.code).toBe(1);
      expect(started.output).toMatch(/does not open data key 1 of this database/);
      expect(started.output).not.toMatch(/Dauys is running/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
