'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { groupDigits } from '@/lib/i18n/group-digits';
import type { AppLocale } from '@/lib/i18n/routing';
import styles from './petitions.module.css';

type Figures = { count: number; goal: number; nextMilestone: number | null };

/** The count and progress bar; re-reads the cached JSON every few seconds, no reload. */
export function LiveCount({ slug, initial, pollMs, live }: { slug: string; initial: Figures; pollMs: number; live: boolean }) {
  const t = useTranslations('petitions.page');
  const locale = useLocale() as AppLocale;
  const [figures, setFigures] = useState(initial);

  useEffect(() => {
    if (!live) return;
    let stopped = false;
    const timer = setInterval(async () => {
      if (document.hidden) return;
      const response = await fetch(`/api/petitions/${slug}`).catch(() => null);
      if (!response?.ok || stopped) return;
      const next = (await response.json()) as Figures;
      setFigures({ count: next.count, goal: next.goal, nextMilestone: next.nextMilestone });
    }, pollMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [slug, pollMs, live]);

  const { count, goal, nextMilestone } = figures;
  return (
    <div className={styles.figures}>
      <p className={styles.count} data-testid="signature-count" data-count={count}>
        {t('count', { count, shown: groupDigits(count, locale) })}
      </p>
      <progress className={styles.progress} max={goal} value={Math.min(count, goal)} aria-label={t('progressLabel')} />
      <p>{t('goal', { goal: groupDigits(goal, locale) })}</p>
      {count >= goal ? (
        <p>{t('goalReached')}</p>
      ) : nextMilestone ? (
        <p>{t('nextMilestone', { milestone: groupDigits(nextMilestone, locale) })}</p>
      ) : null}
    </div>
  );
}
