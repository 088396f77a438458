import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { formatNumber, getTranslator } from '@/lib/i18n/translator';
import { PAGE_CACHE_CONTROL } from '@/lib/petitions/constants';
import { localized } from '@/lib/i18n/localized';
import { findPublicPetition, getPublicFigures } from '@/lib/petitions/queries';
import { readLocale } from '@/lib/validation';

const size = { width: 1200, height: 630 };

type Params = { locale: string; slug: string };

/**
 * next/og's bundled font covers Latin only; Kazakh needs Cyrillic and its extension (ә, ғ, қ, ң,
 * ө, ұ, ү, һ). Noto Sans ships in the npm package, so the offline server renders every language.
 */
const FONT_SUBSETS = ['latin', 'cyrillic', 'cyrillic-ext'];
// Satori falls back from family to family, not between files of one family: one name per subset.
const fontName = (subset: string) => `Noto Sans ${subset}`;
let fonts: Promise<Buffer[]> | undefined;
const loadFonts = () =>
  (fonts ??= Promise.all(
    FONT_SUBSETS.map((subset) =>
      readFile(path.join(process.cwd(), 'node_modules/@fontsource/noto-sans/files', `noto-sans-${subset}-700-normal.woff`)),
    ),
  ));

export async function generateImageMetadata({ params }: { params: Params }) {
  const petition = await findPublicPetition(params.slug);
  const alt = petition ? localized(petition.title, readLocale(params.locale)) : 'Dauys';
  return [{ id: 'count', alt, size, contentType: 'image/png' }];
}

/** The social preview: the title in the page's language and the live count towards the goal. */
export default async function PetitionImage({ params }: { params: Promise<Params> }) {
  const { slug, locale: rawLocale } = await params;
  const locale = readLocale(rawLocale);
  const t = getTranslator(locale, 'petitions');
  const petition = await findPublicPetition(slug);
  const figures = petition ? await getPublicFigures(petition) : { count: 0, goal: 1 };
  const share = Math.min(1, figures.count / figures.goal);
  const fontData = await loadFonts();
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: 64,
        background: '#4a2373',
        color: '#fff',
        fontFamily: FONT_SUBSETS.map(fontName).join(', '),
      }}
    >
      <div style={{ fontSize: 56, lineHeight: 1.15, display: 'flex' }}>{petition ? localized(petition.title, locale) : 'Dauys'}</div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <div style={{ fontSize: 80, display: 'flex' }}>
          {t('page.count', { count: figures.count, shown: formatNumber(figures.count, locale) })}
        </div>
        <div style={{ fontSize: 40, display: 'flex' }}>{t('page.goal', { goal: formatNumber(figures.goal, locale) })}</div>
        <div style={{ display: 'flex', width: '100%', height: 28, background: '#ffffff55', borderRadius: 14 }}>
          <div style={{ width: `${share * 100}%`, height: 28, background: '#f59e0b', borderRadius: 14 }} />
        </div>
        <div style={{ fontSize: 32, display: 'flex' }}>Dauys</div>
      </div>
    </div>,
    {
      ...size,
      // Shared caches absorb the crawlers of a viral share, like the page itself.
      headers: { 'Cache-Control': PAGE_CACHE_CONTROL },
      fonts: fontData.map((data, index) => ({
        name: fontName(FONT_SUBSETS[index]!),
        data,
        weight: 700 as const,
        style: 'normal' as const,
      })),
    },
  );
}
