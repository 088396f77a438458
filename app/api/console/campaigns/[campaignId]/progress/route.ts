import { NextResponse } from 'next/server';
import { requireOrganizerForRoute } from '@/lib/auth';
import { getCampaignProgress } from '@/lib/campaigns/queries';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ campaignId: string }> }) {
  const organizer = await requireOrganizerForRoute();
  if (organizer instanceof Response) return organizer;
  const progress = await getCampaignProgress((await params).campaignId);
  if (!progress) return NextResponse.json({ error: 'notFound' }, { status: 404 });
  return NextResponse.json(progress, { headers: { 'Cache-Control': 'no-store' } });
}
