import { Heading, Text } from '@react-email/components';
import { EmailLayout, type EmailLayoutProps, type MailTranslate } from './layout';

export type TestMessageEmailProps = {
  locale: string;
  t: MailTranslate;
  discreet: boolean;
  /** Who asked for it from the console, if anyone. */
  requestedBy?: string;
  unsubscribe?: EmailLayoutProps['unsubscribe'];
};

export function testMessageSubject(t: MailTranslate): string {
  return t('testMessage.subject');
}

/** A short message that proves delivery works, in the recipient's language. */
export default function TestMessageEmail({ locale, t, requestedBy, unsubscribe, discreet }: TestMessageEmailProps) {
  return (
    <EmailLayout locale={locale} discreet={discreet} preview={t('testMessage.preview')} t={t} unsubscribe={unsubscribe}>
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t('testMessage.heading')}
      </Heading>
      <Text>{t('testMessage.body')}</Text>
      {requestedBy ? <Text>{t('testMessage.requestedBy', { email: requestedBy })}</Text> : null}
      <Text>{t('testMessage.noAction')}</Text>
    </EmailLayout>
  );
}
