import { db } from '@/lib/db';

let sequence = 0;

/** An open petition with a unique slug. */
export async function createOpenPetition() {
  sequence += 1;
  const text = (value: string) => ({ kk: `${value} kk`, ru: `${value} ru`, en: value });
  return db.petition.create({
    data: {
      slug: `abuse-petition-${sequence}-${Date.now()}`,
      title: text('Abuse test petition'),
      summary: text('Summary'),
      body: text('Body'),
      addressee: text('Parliament'),
      goal: 1000,
      milestones: [10, 100],
      status: 'OPEN',
    },
  });
}

/** What the sign form's JavaScript posts. */
export function jsonSignRequest(slug: string, fields: Record<string, unknown>, address = '198.51.100.20'): Request {
  return new Request(`http://localhost/api/petitions/${encodeURIComponent(slug)}/signatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify(fields),
  });
}

/** What the sign form posts without JavaScript. */
export function formSignRequest(slug: string, fields: Record<string, string>, address = '198.51.100.21'): Request {
  return new Request(`http://localhost/api/petitions/${encodeURIComponent(slug)}/signatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
    body: new URLSearchParams(fields).toString(),
  });
}

/** Route handlers get their params the way Next.js passes them: already percent-decoded. */
export const routeContext = (slug: string) => ({ params: Promise.resolve({ slug }) });
