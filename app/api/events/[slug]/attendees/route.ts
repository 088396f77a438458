import { requireOrganizerForRoute } from '@/lib/auth';
import { db } from '@/lib/db';
import { exportAttendeesCsv } from '@/lib/events/export-attendees';
import { isSlug } from '@/lib/validation';

type Context = { params: Promise<{ slug: string }> };

/** Organizers only: the attendee list with the waitlist as a streamed CSV download (audit-logged). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const organizer = await requireOrganizerForRoute({ freshFactor: { request } });
  if (organizer instanceof Response) return organizer;
  const { slug } = await params;
  const event = isSlug(slug) ? await db.event.findUnique({ where: { slug }, select: { id: true } }) : null;
  if (!event) return new Response('Not found', { status: 404 });
  const { filename, stream } = await exportAttendeesCsv(organizer, event.id);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
