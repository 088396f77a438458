import { keyringOf, withDatabase } from './mail';

/** The blind index of an address in the e2e database, to find its sealed rows ("emailIndex" columns). */
export async function emailIndexOf(email: string): Promise<string> {
  return withDatabase(async (client) => (await keyringOf(client)).emailIndex(email));
}
