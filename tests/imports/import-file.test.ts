import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openSealedImportFile, sealImportFile } from '@/lib/imports/import-file';
import { keyring } from '@/lib/security/personal-data';

describe('an import file as the Import row keeps it', () => {
  it('is sealed compressed, far smaller than the file, and opens to the same bytes', async () => {
    const keys = await keyring();
    const csv = `\uFEFFEmail;Имя;Регион\r\n${Array.from({ length: 5_000 }, (_, i) => `person${i}@example.org;Айгерим ${i};Алматы`).join('\r\n')}\r\n`;
    const bytes = new TextEncoder().encode(csv);
    const sealed = await sealImportFile(keys, bytes);
    expect(sealed).toMatch(/^v1z\./);
    expect(sealed.length).toBeLessThan(bytes.byteLength / 4);
    expect(sealed).not.toContain('Айгерим');
    expect(Buffer.from(await openSealedImportFile(keys, sealed)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('still opens a file sealed the older ways: as text, or gzipped behind a prefix', async () => {
    const keys = await keyring();
    const csv = 'email\r\nold.upload@example.org\r\n';
    expect(new TextDecoder().decode(await openSealedImportFile(keys, keys.seal('text', csv)))).toBe(csv);
    const gzipped = `gzip:${(await promisify(gzip)(csv)).toString('base64')}`;
    expect(new TextDecoder().decode(await openSealedImportFile(keys, keys.seal('text', gzipped)))).toBe(csv);
  });
});
