'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import styles from './petitions.module.css';

type Figures = { count: number; goal: number; nextMilestone: number | null };

/** The count and progress bar; re-reads the cached JSON every few seconds, no reload. */
export function LiveCount({ slug, initial, pollMs, live }: { slug: string; initial: Figures; pollMs: number; live: boolean }) {
  const t = useTranslations('petitions.page');
  const format = useFormatter();
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
        {t('count', { count })}
      </p>
      <progress className={styles.progress} max={goal} value={Math.min(count, goal)} aria-label={t('progressLabel')} />
      <p>{t('goal', { goal: format.number(goal) })}</p>
      {count >= goal ? (
        <p>{t('goalReached')}</p>
      ) : nextMilestone ? (
        <p>{t('nextMilestone', { milestone: format.number(nextMilestone) })}</p>
      ) : null}
    </div>
  );
}
