import { NextResponse } from 'next/server';
import { requireOrganizerForAction } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { exportSupporter } from '@/lib/supporters/export-supporter';

export const dynamic = 'force-dynamic';

/** One person's data as a JSON download; every export is audit-logged by exportSupporter. */
export async function GET(_request: Request, { params }: { params: Promise<{ supporterId: string }> }) {
  try {
    const organizer = await requireOrganizerForAction();
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
    if (isAppError(error, 'UNAUTHENTICATED')) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
    if (isAppError(error, 'NOT_FOUND')) return NextResponse.json({ error: 'notFound' }, { status: 404 });
    throw error;
  }
}
