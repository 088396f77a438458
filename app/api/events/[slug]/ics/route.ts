import { eventIcsFile } from '@/lib/events/calendar-files';
import { readLocale } from '@/lib/validation';

type Context = { params: Promise<{ slug: string }> };

/** One event as iCalendar (METHOD:CANCEL once cancelled); an attendee's token adds a private online link. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  const query = new URL(request.url).searchParams;
  const locale = readLocale(query.get('lang'), 'ru');
  const file = await eventIcsFile(slug, locale, query.get('token'));
  if (!file) return new Response('Not found', { status: 404 });
  return new Response(file.body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `inline; filename="${file.filename}"`,
      // A token-bearing file may carry a private link: never cache it in shared caches.
      'Cache-Control': query.get('token') ? 'private, no-store' : 'public, max-age=300',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
