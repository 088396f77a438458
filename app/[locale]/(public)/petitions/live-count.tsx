'use client';

import { useEffect, useState } from 'react';
import { groupDigits } from '@/lib/i18n/group-digits';
import type { AppLocale } from '@/lib/i18n/routing';
import { fillPlural, fillTemplate, type PluralTemplates } from '@/lib/i18n/texts';
import styles from './petitions.module.css';

type Figures = { count: number; goal: number; nextMilestone: number | null };

/** `petitions.page`'s texts: `count` by plural category with `{shown}`, `goal` with `{goal}`, `nextMilestone` with `{milestone}`. */
export type LiveCountTexts = { count: PluralTemplates; goal: string; nextMilestone: string; goalReached: string; progressLabel: string };

type Props = { slug: string; locale: AppLocale; texts: LiveCountTexts; initial: Figures; pollMs: number; live: boolean };

/** The count and progress bar; re-reads the cached JSON every few seconds, no reload. */
export function LiveCount({ slug, locale, texts, initial, pollMs, live }: Props) {
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
        {fillPlural(texts.count, locale, count, { shown: groupDigits(count, locale) })}
      </p>
      <progress className={styles.progress} max={goal} value={Math.min(count, goal)} aria-label={texts.progressLabel} />
      <p>{fillTemplate(texts.goal, { goal: groupDigits(goal, locale) })}</p>
      {count >= goal ? (
        <p>{texts.goalReached}</p>
      ) : nextMilestone ? (
        <p>{fillTemplate(texts.nextMilestone, { milestone: groupDigits(nextMilestone, locale) })}</p>
      ) : null}
    </div>
  );
}
