import { getTranslations } from 'next-intl/server';
import { requireOrganizer } from '@/lib/auth';
import { findBlocks } from '@/lib/petitions/blocklist';
import { readLocale } from '@/lib/validation';
import { addBlockAction, removeBlockAction } from '../actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ problem?: string }> };

export default async function BlocklistPage({ params, searchParams }: Props) {
  const locale = readLocale((await params).locale);
  await requireOrganizer(locale);
  const t = await getTranslations({ locale, namespace: 'petitions' });
  const blocks = await findBlocks();
  const problem = (await searchParams).problem;
  return (
    <div className="stack">
      <h1>{t('console.blocklist.title')}</h1>
      <p>{t('console.blocklist.intro')}</p>
      <form action={addBlockAction.bind(null, locale)} className="stack">
        <div className="field">
          <label htmlFor="block-value">{t('console.blocklist.value')}</label>
          <input id="block-value" name="value" required aria-invalid={!!problem} aria-describedby={problem ? 'block-error' : undefined} />
          {problem ? (
            <p id="block-error" className="field-error">
              {t('errors.blockInvalid')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="block-note">{t('console.blocklist.note')}</label>
          <input id="block-note" name="note" />
        </div>
        <div>
          <button type="submit">{t('console.blocklist.add')}</button>
        </div>
      </form>
      {blocks.length === 0 ? (
        <p>{t('console.blocklist.none')}</p>
      ) : (
        <ul>
          {blocks.map((block) => (
            <li key={block.id}>
              <form action={removeBlockAction.bind(null, locale, block.id)}>
                <code>{block.value}</code> {block.note ? `— ${block.note}` : null}{' '}
                <button type="submit" className="button-secondary" aria-label={`${t('console.blocklist.remove')}: ${block.value}`}>
                  {t('console.blocklist.remove')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
