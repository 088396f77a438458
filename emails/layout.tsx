import { Body, Button, Container, Head, Hr, Html, Link, Preview, Text } from '@react-email/components';
import type { ReactNode } from 'react';

/** Translates a key of the `mail` namespace (the mailer passes getTranslator(locale, 'mail')). */
export type MailTranslate = (key: string, values?: Record<string, string | number>) => string;

export type EmailLayoutProps = {
  locale: string;
  preview: string;
  /**
   * Discreet mail (the template context's `discreet`): the preview line, the hidden text mail
   * programs show beside the subject, is the neutral one instead of `preview`.
   */
  discreet: boolean;
  t: MailTranslate;
  /** Bulk mail only: the page where the recipient confirms the unsubscribe, and what it is about. */
  unsubscribe?: { url: string; topicLabel: string };
  children: ReactNode;
};

const footerText = { color: '#4a4a4a', fontSize: '13px', lineHeight: '20px' } as const;

/**
 * Every message looks plain on purpose: no images, no remote resources, no tracking pixel, so a
 * message opened on a shared or watched phone reveals nothing beyond its text.
 */
export function EmailLayout({ locale, preview, discreet, t, unsubscribe, children }: EmailLayoutProps) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{discreet ? t('discreet.preview') : preview}</Preview>
      <Body style={{ backgroundColor: '#ffffff', color: '#1a1a1a', fontFamily: 'Arial, sans-serif' }}>
        <Container style={{ maxWidth: '600px', padding: '24px' }}>
          {children}
          <Hr style={{ borderColor: '#d4d4d4', margin: '32px 0 16px' }} />
          <Text style={footerText}>{t('layout.hotline')}</Text>
          {unsubscribe ? (
            <Text style={footerText}>
              {t('layout.why', { topic: unsubscribe.topicLabel })}{' '}
              <Link href={unsubscribe.url} style={{ color: '#4a4a4a', textDecoration: 'underline' }}>
                {t('layout.unsubscribe')}
              </Link>
            </Text>
          ) : null}
          <Text style={footerText}>{t('layout.signature')}</Text>
        </Container>
      </Body>
    </Html>
  );
}

/** A message's one call to action, with its address in clear for mail programs that hide buttons. */
export function ActionButton({ href, label, fallback }: { href: string; label: string; fallback: string }) {
  return (
    <>
      <Button href={href} style={{ backgroundColor: '#5b2a86', color: '#ffffff', padding: '12px 20px', borderRadius: '6px' }}>
        {label}
      </Button>
      <Text>
        {fallback} <Link href={href}>{href}</Link>
      </Text>
    </>
  );
}
