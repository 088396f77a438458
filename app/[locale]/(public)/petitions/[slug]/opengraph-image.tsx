import { ImageResponse } from 'next/og';
import { formatNumber } from '@/lib/i18n/translator';
import { localized } from '@/lib/petitions/localized';
import { findPublicPetition, getPublicFigures } from '@/lib/petitions/queries';

export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';
export const alt = 'Petition';

type Props = { params: Promise<{ locale: string; slug: string }> };

/**
 * The social preview with the live count. next/og's bundled font covers Latin only and the
 * server is offline, so the picture carries the English title and numbers; the localised title is
 * in the og:title beside it.
 */
export default async function PetitionImage({ params }: Props) {
  const { slug } = await params;
  const petition = await findPublicPetition(slug);
  const figures = petition ? await getPublicFigures(petition) : { count: 0, goal: 1 };
  const share = Math.min(1, figures.count / figures.goal);
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', justifyContent: 'space-between', padding: 64, background: '#4a2373', color: '#fff' }}>
        <div style={{ fontSize: 56, fontWeight: 700, lineHeight: 1.15, display: 'flex' }}>{petition ? localized(petition.title, 'en') : 'Dauys'}</div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
          <div style={{ fontSize: 96, fontWeight: 700, display: 'flex' }}>
            {formatNumber(figures.count, 'en')}
            <span style={{ fontSize: 48, marginLeft: 24, alignSelf: 'flex-end', marginBottom: 16 }}>/ {formatNumber(figures.goal, 'en')}</span>
          </div>
          <div style={{ display: 'flex', width: '100%', height: 28, background: '#ffffff55', borderRadius: 14 }}>
            <div style={{ width: `${share * 100}%`, height: 28, background: '#f59e0b', borderRadius: 14 }} />
          </div>
          <div style={{ fontSize: 32, display: 'flex' }}>Dauys</div>
        </div>
      </div>
    ),
    size,
  );
}
