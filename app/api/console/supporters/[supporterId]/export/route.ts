import { NextResponse } from 'next/server';
import { requireOrganizerForRoute } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { exportSupporter } from '@/lib/supporters/export-supporter';

export const dynamic = 'force-dynamic';

/** One person's data as a JSON download; every export is audit-logged by exportSupporter. */
export async function GET(request: Request, { params }: { params: Promise<{ supporterId: string }> }) {
  const organizer = await requireOrganizerForRoute({ freshFactor: { request } });
  if (organizer instanceof Response) return organizer;
  try {
    const { supporterId } = await params;
    const json = await exportSupporter(supporterId, organizer);
    return new NextResponse(json, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="supporter-${supporterId.replace(/[^a-z0-9]/gi, '')}.json"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (isAppError(error, 'NOT_FOUND')) return NextResponse.json({ error: 'notFound' }, { status: 404 });
    throw error;
  }
}
