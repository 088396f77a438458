import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/petitions/[slug]/route';
import { POST } from '@/app/api/petitions/[slug]/signatures/route';
import { db } from '@/lib/db';
import { stopWorkers } from '@/lib/queue';
import { createOpenPetition, formSignRequest, jsonSignRequest, routeContext } from './helpers';

afterAll(async () => {
  await stopWorkers({ graceful: false });
});

const fields = { fullName: 'Dana Sultanova', email: 'dana@example.org', region: 'ASTANA', consent: 'on', locale: 'en' };

/** Slugs as Next.js hands them to the handler, percent-decoding already done. */
const HOSTILE_SLUGS = [
  'x; Domain=evil.example; Max-Age=99999999',
  'x;Path=/',
  'x\r\nSet-Cookie: session=stolen',
  'x\nX-Injected: 1',
  'x\u0000y',
  'x\u202Ey',
  '../../en/login',
  'x y',
  'X-UPPER',
  'a'.repeat(81),
  '',
];

describe('a petition slug that is not a slug', () => {
  it('is a 404 on the sign endpoint, by form and by JSON, with no Location or Set-Cookie', async () => {
    for (const slug of HOSTILE_SLUGS) {
      for (const request of [formSignRequest(slug, fields), jsonSignRequest(slug, { ...fields, consent: true })]) {
        const response = await POST(request, routeContext(slug));
        expect(response.status, JSON.stringify(slug)).toBe(404);
        expect(response.headers.get('location'), JSON.stringify(slug)).toBeNull();
        expect(response.headers.get('set-cookie'), JSON.stringify(slug)).toBeNull();
      }
    }
    expect(await db.signature.count()).toBe(0);
    expect(await db.rateLimitCounter.count()).toBe(0);
  });

  it('is a 404 on the public JSON API', async () => {
    for (const slug of HOSTILE_SLUGS) {
      const response = await GET(new Request('http://localhost/api/petitions/x'), routeContext(slug));
      expect(response.status, JSON.stringify(slug)).toBe(404);
    }
  });

  it('a real slug still redirects to its pages, with a cookie scoped to the sign page only', async () => {
    const petition = await createOpenPetition();
    const invalid = await POST(formSignRequest(petition.slug, { ...fields, fullName: '' }), routeContext(petition.slug));
    expect(invalid.status).toBe(303);
    expect(invalid.headers.get('location')).toBe(`/en/petitions/${petition.slug}/sign`);
    const cookie = invalid.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      new RegExp(`^petition-sign-form=[A-Za-z0-9_-]+; Path=/en/petitions/${petition.slug}/sign; Max-Age=300; HttpOnly; SameSite=Lax$`),
    );

    const accepted = await POST(formSignRequest(petition.slug, fields), routeContext(petition.slug));
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe(`/en/petitions/${petition.slug}/check-email`);

    const api = await GET(new Request(`http://localhost/api/petitions/${petition.slug}`), routeContext(petition.slug));
    expect(api.status).toBe(200);
  });
});
