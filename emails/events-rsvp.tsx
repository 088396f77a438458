import { Button, Heading, Link, Section, Text } from '@react-email/components';
import { EmailLayout, type MailTranslate } from '@/emails/layout';

/** check-email: confirm a new answer; change: apply a new answer to an existing one (both by a link). */
export type EventRsvpMailKind = 'check-email' | 'change' | 'confirmed' | 'promoted' | 'waitlisted' | 'reminder' | 'changed' | 'cancelled';

export type EventRsvpEmailProps = {
  kind: EventRsvpMailKind;
  name: string;
  eventTitle: string;
  when: string;
  where: string;
  guests: number;
  eventUrl: string;
  icsUrl: string;
  googleUrl: string;
  outlookUrl: string;
  cancelUrl: string;
  confirmUrl?: string;
  onlineUrl?: string;
  waitlistPosition?: number;
  note?: string;
};

export function eventRsvpSubject(t: MailTranslate, props: Pick<EventRsvpEmailProps, 'kind' | 'eventTitle'>): string {
  return t(`mail.${props.kind}.subject`, { title: props.eventTitle });
}

const button = { backgroundColor: '#b34700', color: '#ffffff', padding: '12px 20px', borderRadius: '6px' } as const;

/** Every RSVP mail: the state in words, when and where (Kazakhstan time), calendar links, the cancel link. */
export default function EventRsvpEmail(
  props: EventRsvpEmailProps & { locale: string; t: MailTranslate; mailT: MailTranslate; discreet: boolean },
) {
  const { kind, t, mailT, locale, discreet } = props;
  const hasSeat = kind === 'confirmed' || kind === 'promoted' || kind === 'reminder' || kind === 'changed';
  return (
    <EmailLayout
      locale={locale}
      discreet={discreet}
      preview={t(`mail.${kind}.preview`, { title: props.eventTitle, position: props.waitlistPosition ?? 0 })}
      t={mailT}
    >
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {t(`mail.${kind}.heading`, { title: props.eventTitle })}
      </Heading>
      <Text>{t('mail.greeting', { name: props.name })}</Text>
      <Text>{t(`mail.${kind}.body`, { title: props.eventTitle, position: props.waitlistPosition ?? 0, guests: props.guests })}</Text>
      {props.note ? <Text>{t('mail.note', { note: props.note })}</Text> : null}
      <Section>
        <Text>
          <strong>{t('mail.when')}</strong> {props.when}
          <br />
          <strong>{t('mail.where')}</strong> {props.where}
          {props.guests > 0 ? (
            <>
              <br />
              <strong>{t('mail.guests')}</strong> {props.guests}
            </>
          ) : null}
        </Text>
        {props.onlineUrl && hasSeat ? (
          <Text>
            {t('mail.onlineLink')} <Link href={props.onlineUrl}>{props.onlineUrl}</Link>
          </Text>
        ) : null}
      </Section>
      {(kind === 'check-email' || kind === 'change') && props.confirmUrl ? (
        <>
          <Button href={props.confirmUrl} style={button}>
            {t(`mail.${kind}.button`)}
          </Button>
          <Text>
            {t('mail.fallback')} <Link href={props.confirmUrl}>{props.confirmUrl}</Link>
          </Text>
        </>
      ) : null}
      {kind === 'cancelled' ? (
        <Text>
          {t('mail.calendarRemove')} <Link href={props.icsUrl}>{props.icsUrl}</Link>
        </Text>
      ) : (
        <>
          {hasSeat || kind === 'waitlisted' ? (
            <Text>
              {t('mail.addToCalendar')} <Link href={props.icsUrl}>{t('mail.ics')}</Link> · <Link href={props.googleUrl}>Google</Link> ·{' '}
              <Link href={props.outlookUrl}>Outlook</Link>
              <br />
              {t('mail.icsLink')} {props.icsUrl}
            </Text>
          ) : null}
          <Text>
            {t('mail.eventPage')} <Link href={props.eventUrl}>{props.eventUrl}</Link>
          </Text>
          {kind === 'change' ? (
            // The answer on record may be someone's real one: this mail offers no way to cancel it.
            <Text>{t('mail.change.notMe')}</Text>
          ) : (
            <Text>
              {t(kind === 'check-email' ? 'mail.notMe' : 'mail.cancel')} <Link href={props.cancelUrl}>{props.cancelUrl}</Link>
            </Text>
          )}
        </>
      )}
    </EmailLayout>
  );
}
