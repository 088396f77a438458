/**
 * The sign requests bench:sign sends: the JSON the sign form's JavaScript posts, each from a new
 * address and client network (X-Forwarded-For, as through one proxy). The addresses Dauys answered
 * 200 are kept in `accepted`, to be looked for in the database afterwards.
 */
import { randomBytes } from 'node:crypto';
import { LOCALES } from '../../lib/i18n/locales';
import type { OpenLoadRequest } from './open-load';

export function signRequests(slug: string) {
  const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const dauysPath = `/api/petitions/${slug}/signatures`;
  const accepted = new Set<string>();
  let sequence = 0;
  const ip = () => `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`;

  /** The next signature, as one request. */
  function nextSignature(): OpenLoadRequest {
    sequence += 1;
    const email = `s${sequence}.${run}@bench.example`;
    return {
      method: 'POST',
      path: dauysPath,
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip() },
      // In Kazakh, Russian and English in turn: each gets its confirmation mail in its own language.
      body: JSON.stringify({
        fullName: 'Bench Signer',
        email,
        region: 'ALMATY',
        consent: true,
        locale: LOCALES[sequence % LOCALES.length],
      }),
    };
  }

  /** Signatures for autocannon: Dauys' path, or `signPath` on another server (its 200s are not Dauys signatures, so not counted). */
  function signRequest(signPath = dauysPath) {
    const isDauys = signPath === dauysPath;
    return {
      method: 'POST' as const,
      path: signPath,
      setupRequest(request: Record<string, unknown>, context: Record<string, unknown>) {
        const signature = nextSignature();
        context.email = JSON.parse(signature.body!).email;
        return { ...request, headers: signature.headers, body: signature.body };
      },
      onResponse(status: number, _body: string, context: Record<string, unknown>) {
        if (status === 200 && isDauys) accepted.add(context.email as string);
      },
    };
  }

  return { run, accepted, nextSignature, signRequest };
}
