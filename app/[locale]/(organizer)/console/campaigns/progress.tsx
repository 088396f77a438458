'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { CampaignProgress } from '@/lib/campaigns/queries';
import styles from './campaigns.module.css';

/** Polls the ledger's progress every 2 s while the campaign is sending. */
export function Progress({ campaignId, initial }: { campaignId: string; initial: CampaignProgress }) {
  const t = useTranslations('campaigns.console');
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const live = progress.status === 'SENDING' || progress.status === 'PAUSED';

  useEffect(() => {
    if (!live) return;
    const timer = setInterval(async () => {
      const response = await fetch(`/api/console/campaigns/${campaignId}/progress`, { cache: 'no-store' });
      if (!response.ok) return;
      const next = (await response.json()) as CampaignProgress;
      setProgress(next);
      if (next.status !== progress.status) router.refresh();
    }, 2000);
    return () => clearInterval(timer);
  }, [campaignId, live, progress.status, router]);

  const done = progress.sent + progress.failed + progress.skipped;
  const percent = progress.total > 0 ? Math.floor((done * 100) / progress.total) : 0;
  return (
    <section aria-labelledby="progress-title" className={styles.progress}>
      <h2 id="progress-title">{t('progressTitle')}</h2>
      <progress
        className={styles.progressBar}
        max={Math.max(progress.total, 1)}
        value={done}
        aria-labelledby="progress-title"
        aria-describedby="progress-summary"
      />
      <p id="progress-summary" className={styles.progressSummary}>
        {t('progressSummary', { done, total: progress.total, percent })}
      </p>
      <dl className={styles.figures} aria-live="polite">
        <div>
          <dt>{t('figures.sent')}</dt>
          <dd data-testid="sent-count">{progress.sent}</dd>
        </div>
        <div>
          <dt>{t('figures.failed')}</dt>
          <dd>{progress.failed}</dd>
        </div>
        <div>
          <dt>{t('figures.skipped')}</dt>
          <dd>{progress.skipped}</dd>
        </div>
        <div>
          <dt>{t('figures.left')}</dt>
          <dd>{progress.left}</dd>
        </div>
        <div>
          <dt>{t('figures.rate')}</dt>
          <dd>{t('perSecond', { rate: progress.ratePerSecond.toFixed(1) })}</dd>
        </div>
        <div>
          <dt>{t('figures.eta')}</dt>
          <dd>{progress.etaSeconds === null ? '—' : t('minutes', { minutes: Math.ceil(progress.etaSeconds / 60) })}</dd>
        </div>
      </dl>
    </section>
  );
}
