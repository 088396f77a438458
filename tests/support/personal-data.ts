import { keyring } from '@/lib/security/personal-data';
import { db } from '@/lib/db';

/** What a test asks of sealed rows: the blind index of an address, and a value opened. */
export async function emailIndexOf(email: string): Promise<string> {
  return (await keyring()).emailIndex(email);
}

export async function findSupporterByEmail(email: string) {
  return db.supporter.findUnique({ where: { emailIndex: await emailIndexOf(email) } });
}
