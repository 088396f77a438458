import { Heading, Link, Text } from '@react-email/components';
import { EmailLayout, type MailTranslate } from '@/emails/layout';

export type ReformAlertEmailProps = {
  reformTitle: string;
  stage: string;
  date: string;
  note: string;
  sourceUrl?: string;
  sourceLabel?: string;
  reformUrl: string;
  locale: string;
  t: MailTranslate;
  mailT: MailTranslate;
  discreet: boolean;
  unsubscribe?: { url: string; topicLabel: string };
};

export function reformAlertSubject(t: MailTranslate, props: { reformTitle: string; stage: string }): string {
  return t('mail.alert.subject', { title: props.reformTitle, stage: t(`stages.${props.stage}`) });
}

/** A reform moved: one stage, its date, the organizers' note and the source. */
export default function ReformAlertEmail(props: ReformAlertEmailProps) {
  const { reformTitle, stage, date, note, sourceUrl, sourceLabel, reformUrl, locale, t, mailT, unsubscribe, discreet } = props;
  return (
    <EmailLayout locale={locale} discreet={discreet} preview={reformAlertSubject(t, props)} t={mailT} unsubscribe={unsubscribe}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {reformTitle}
      </Heading>
      <Text style={{ fontWeight: 'bold' }}>{t('mail.alert.stageOn', { stage: t(`stages.${stage}`), date })}</Text>
      <Text style={{ whiteSpace: 'pre-line' }}>{note}</Text>
      {sourceUrl || sourceLabel ? (
        <Text>
          {t('mail.source')} {sourceUrl ? <Link href={sourceUrl}>{sourceLabel ?? sourceUrl}</Link> : sourceLabel}
        </Text>
      ) : null}
      <Text>
        {t('mail.alert.timeline')} <Link href={reformUrl}>{reformUrl}</Link>
      </Text>
    </EmailLayout>
  );
}
