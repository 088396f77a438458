import { NextResponse } from 'next/server';
import { requireOrganizerForAction } from '@/lib/auth';
import { getCampaignProgress } from '@/lib/campaigns/queries';
import { isAppError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ campaignId: string }> }) {
  try {
    await requireOrganizerForAction();
  } catch (error) {
    if (isAppError(error, 'UNAUTHENTICATED')) return NextResponse.json({ error: 'unauthenticated' }, { status: 401 });
    throw error;
  }
  const progress = await getCampaignProgress((await params).campaignId);
  if (!progress) return NextResponse.json({ error: 'notFound' }, { status: 404 });
  return NextResponse.json(progress, { headers: { 'Cache-Control': 'no-store' } });
}
