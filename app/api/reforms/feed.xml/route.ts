import { env } from '@/lib/env';
import { isAppLocale, routing } from '@/lib/i18n/routing';
import { ATOM_HEADERS, buildAtomFeed } from '@/lib/reforms/atom';
import { listStagesForFeed } from '@/lib/reforms/queries';

export const dynamic = 'force-dynamic';

/** Atom 1.0 feed of every recorded stage of every reform; ?locale=kk|ru|en (default kk). */
export async function GET(request: Request): Promise<Response> {
  const requested = new URL(request.url).searchParams.get('locale');
  const locale = isAppLocale(requested) ? requested : routing.defaultLocale;
  const selfUrl = `${env.APP_URL.replace(/\/$/, '')}/api/reforms/feed.xml?locale=${locale}`;
  const xml = buildAtomFeed({ locale, selfUrl, stages: await listStagesForFeed() });
  return new Response(xml, { headers: ATOM_HEADERS });
}
