import { Heading, Link, Section, Text } from '@react-email/components';
import { EmailLayout, type MailTranslate } from '@/emails/layout';

export type ReformDigestItem = { reformTitle: string; stage: string; date: string; note: string; reformUrl: string };

export type ReformDigestEmailProps = {
  items: ReformDigestItem[];
  locale: string;
  t: MailTranslate;
  mailT: MailTranslate;
  discreet: boolean;
  unsubscribe?: { url: string; topicLabel: string };
};

export function reformDigestSubject(t: MailTranslate, count: number): string {
  return t('mail.digest.subject', { count });
}

/** The weekly digest: every stage recorded since the previous one, newest last. */
export default function ReformDigestEmail({ items, locale, t, mailT, unsubscribe, discreet }: ReformDigestEmailProps) {
  return (
    <EmailLayout locale={locale} discreet={discreet} preview={reformDigestSubject(t, items.length)} t={mailT} unsubscribe={unsubscribe}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('mail.digest.heading')}
      </Heading>
      {items.map((item, index) => (
        <Section key={index} style={{ marginBottom: '16px' }}>
          <Heading as="h2" style={{ fontSize: '18px' }}>
            {item.reformTitle}
          </Heading>
          <Text style={{ fontWeight: 'bold' }}>{t('mail.alert.stageOn', { stage: t(`stages.${item.stage}`), date: item.date })}</Text>
          <Text style={{ whiteSpace: 'pre-line' }}>{item.note}</Text>
          <Text>
            <Link href={item.reformUrl}>{item.reformUrl}</Link>
          </Text>
        </Section>
      ))}
    </EmailLayout>
  );
}
