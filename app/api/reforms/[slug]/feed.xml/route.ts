import { env } from '@/lib/env';
import { isAppLocale, routing } from '@/lib/i18n/routing';
import { ATOM_HEADERS, buildAtomFeed } from '@/lib/reforms/atom';
import { getReformForFeed, listStagesForFeed } from '@/lib/reforms/queries';

export const dynamic = 'force-dynamic';

/** Atom 1.0 feed of one reform's stages; ?locale=kk|ru|en (default kk). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  const reform = await getReformForFeed(slug);
  if (!reform) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const requested = new URL(request.url).searchParams.get('locale');
  const locale = isAppLocale(requested) ? requested : routing.defaultLocale;
  const selfUrl = `${env.APP_URL.replace(/\/$/, '')}/api/reforms/${encodeURIComponent(reform.slug)}/feed.xml?locale=${locale}`;
  const xml = buildAtomFeed({ locale, selfUrl, reform, stages: await listStagesForFeed(reform.id) });
  return new Response(xml, { headers: ATOM_HEADERS });
}
