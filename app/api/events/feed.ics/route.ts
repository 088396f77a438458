import { feedIcsFile } from '@/lib/events/calendar-files';
import { readLocale, RegionSchema } from '@/lib/validation';

/** The subscribable campaign feed (webcal://…/api/events/feed.ics), whole country or ?region=ALMATY. */
export async function GET(request: Request): Promise<Response> {
  const query = new URL(request.url).searchParams;
  const locale = readLocale(query.get('lang'), 'ru');
  const regionParam = query.get('region');
  const region = regionParam ? RegionSchema.safeParse(regionParam.toUpperCase()) : null;
  if (region && !region.success) return new Response('Unknown region', { status: 400 });
  const file = await feedIcsFile({ locale, region: region?.data, campaign: query.get('campaign') ?? undefined });
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(file.body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${file.filename}"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
}
