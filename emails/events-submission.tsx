import { Button, Heading, Link, Text } from '@react-email/components';
import { EmailLayout, type MailTranslate } from '@/emails/layout';

export type EventSubmissionMailKind = 'verify' | 'received' | 'approved' | 'rejected';

export type EventSubmissionEmailProps = {
  kind: EventSubmissionMailKind;
  name: string;
  eventTitle: string;
  url: string;
  reason?: string;
};

export function eventSubmissionSubject(t: MailTranslate, props: Pick<EventSubmissionEmailProps, 'kind' | 'eventTitle'>): string {
  return t(`mail.submission.${props.kind}.subject`, { title: props.eventTitle });
}

/** Mail to a partner who submitted an event: verify the address, then the moderators' decision. */
export default function EventSubmissionEmail(
  props: EventSubmissionEmailProps & { locale: string; t: MailTranslate; mailT: MailTranslate; discreet: boolean },
) {
  const { kind, t, mailT, locale, discreet } = props;
  return (
    <EmailLayout locale={locale} discreet={discreet} preview={t(`mail.submission.${kind}.subject`, { title: props.eventTitle })} t={mailT}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t(`mail.submission.${kind}.heading`)}
      </Heading>
      <Text>{t('mail.greeting', { name: props.name })}</Text>
      <Text>{t(`mail.submission.${kind}.body`, { title: props.eventTitle })}</Text>
      {props.reason ? <Text>{t('mail.submission.reason', { reason: props.reason })}</Text> : null}
      {kind === 'verify' ? (
        <Button href={props.url} style={{ backgroundColor: '#b34700', color: '#ffffff', padding: '12px 20px', borderRadius: '6px' }}>
          {t('mail.submission.verify.button')}
        </Button>
      ) : null}
      <Text>
        {t('mail.fallback')} <Link href={props.url}>{props.url}</Link>
      </Text>
    </EmailLayout>
  );
}
