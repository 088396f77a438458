import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { Keyring } from '@/lib/security/keyring';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const COMPRESSED = 'gzip:';

/**
 * An uploaded file as the Import row keeps it: gzipped, then sealed. CSV shrinks about sixfold, so the
 * sealed copy and the statement that stores it stay small: sealing a file as text needed about
 * four times its size in heap (docs/operations.md, "Memory").
 */
export async function sealImportFile(keys: Keyring, bytes: Uint8Array): Promise<string> {
  return keys.seal('text', COMPRESSED + (await gzipAsync(bytes)).toString('base64'));
}

/**
 * The file as UTF-8 bytes, which the CSV reader takes without decoding it whole (a string of it would
 * count against the process's heap twice over). A file uploaded before files were gzipped was sealed
 * as text.
 */
export async function openSealedImportFile(keys: Keyring, sealed: string): Promise<Uint8Array> {
  const opened = keys.open('text', sealed);
  if (!opened.startsWith(COMPRESSED)) return Buffer.from(opened, 'utf8');
  return gunzipAsync(Buffer.from(opened.slice(COMPRESSED.length), 'base64'));
}
