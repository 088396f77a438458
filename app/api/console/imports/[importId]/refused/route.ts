import { requireOrganizerForRoute } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { refusedRowsCsv } from '@/lib/imports/queries';
import { readLocale } from '@/lib/validation';

export const dynamic = 'force-dynamic';

/** The rows an import refused, with the reason for each, as CSV (personal data: fresh second factor, audit-logged). */
export async function GET(request: Request, { params }: { params: Promise<{ importId: string }> }): Promise<Response> {
  const organizer = await requireOrganizerForRoute({ freshFactor: { request } });
  if (organizer instanceof Response) return organizer;
  const { importId } = await params;
  const locale = readLocale(new URL(request.url).searchParams.get('lang'), 'ru');
  try {
    const stream = await refusedRowsCsv(organizer, importId.slice(0, 40), locale);
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="refused-rows-${importId.replace(/[^a-z0-9]/gi, '')}.csv"`,
        'Cache-Control': 'private, no-store',
      },
    });
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) return new Response('Not found', { status: 404 });
    throw error;
  }
}
