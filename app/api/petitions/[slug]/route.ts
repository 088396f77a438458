import { API_CACHE_CONTROL } from '@/lib/petitions/constants';
import { localized } from '@/lib/i18n/localized';
import { findPublicPetition, getPublicFigures } from '@/lib/petitions/queries';

type Context = { params: Promise<{ slug: string }> };

/** Public figures of one petition (docs/api.md). Cached by CDNs for seconds; costs no COUNT(*). */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  const petition = await findPublicPetition(slug);
  if (!petition) return Response.json({ error: 'not_found' }, { status: 404, headers: { 'Cache-Control': API_CACHE_CONTROL } });
  const figures = await getPublicFigures(petition);
  const body = {
    ...figures,
    title: { kk: localized(petition.title, 'kk'), ru: localized(petition.title, 'ru'), en: localized(petition.title, 'en') },
    opensAt: petition.opensAt,
    closesAt: petition.closesAt,
    handedOverAt: petition.handedOverAt,
    respondedAt: petition.respondedAt,
    isDemo: petition.isDemo,
    updatedAt: new Date().toISOString(),
  };
  return Response.json(body, { headers: { 'Cache-Control': API_CACHE_CONTROL, 'Access-Control-Allow-Origin': '*' } });
}
