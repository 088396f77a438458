import { getTranslations } from 'next-intl/server';
import type { ReformStageKind } from '@/lib/generated/prisma/enums';
import type { Progress } from '@/lib/reforms/queries';
import type { AppLocale } from '@/lib/i18n/routing';
import styles from './reforms.module.css';

type Props = { locale: AppLocale; stage: ReformStageKind; progress: Progress; headingId?: string };

/** The stage badge and an eight-step bar; the bar is decorative, the sentence under it says the same. */
export async function StageProgress({ locale, stage, progress }: Props) {
  const t = await getTranslations({ locale, namespace: 'reforms' });
  const label = t(`stages.${stage}`);
  const values = { step: progress.step, total: progress.total, stage: label };
  return (
    <div>
      <span className={progress.isOffRoad ? `${styles.badge} ${styles.badgeOff}` : styles.badge}>{label}</span>
      <ol className={styles.progress} aria-hidden="true">
        {Array.from({ length: progress.total }, (_, index) => (
          <li key={index} className={index < progress.step ? `${styles.step} ${styles.stepDone}` : styles.step} />
        ))}
      </ol>
      <p className={styles.progressText}>{progress.isOffRoad ? t('progress.ended', values) : t('progress.step', values)}</p>
    </div>
  );
}
