import { requireOrganizerForRoute } from '@/lib/auth';
import { db } from '@/lib/db';
import { exportSignaturesCsv } from '@/lib/petitions/export-signatures';
import { kazakhstanDateKey } from '@/lib/time/kazakhstan';
import { isSlug, readLocale } from '@/lib/validation';

type Context = { params: Promise<{ slug: string }> };

/** Organizers only: the confirmed signatures as a streamed CSV download (audit-logged). */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const organizer = await requireOrganizerForRoute({ freshFactor: { request } });
  if (organizer instanceof Response) return organizer;
  const { slug } = await params;
  const petition = isSlug(slug) ? await db.petition.findUnique({ where: { slug }, select: { id: true } }) : null;
  if (!petition) return new Response('Not found', { status: 404 });
  const locale = readLocale(new URL(request.url).searchParams.get('lang'), 'en');
  const stream = await exportSignaturesCsv({ petitionId: petition.id, actor: organizer, locale });
  const date = kazakhstanDateKey(new Date());
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="signatures-${slug}-${date}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
