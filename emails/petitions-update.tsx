import { Heading, Link, Text } from '@react-email/components';
import { EmailLayout, type MailTranslate } from '@/emails/layout';

export type PetitionUpdateKind = 'milestone' | 'handover' | 'response';

export type PetitionUpdateEmailProps = {
  kind: PetitionUpdateKind;
  petitionTitle: string;
  petitionUrl: string;
  /** milestone: the number reached; handover/response: the organizers' note in the recipient's language. */
  milestone?: number;
  note?: string;
  locale: string;
  t: MailTranslate;
  mailT: MailTranslate;
  discreet: boolean;
  unsubscribe?: { url: string; topicLabel: string };
};

export function petitionUpdateSubject(t: MailTranslate, kind: PetitionUpdateKind, petitionTitle: string): string {
  return t(`mail.update.${kind}.subject`, { title: petitionTitle });
}

/** Milestone, hand-over and response news, sent only to confirmed signers who opted in to updates. */
export default function PetitionUpdateEmail(props: PetitionUpdateEmailProps) {
  const { kind, petitionTitle, petitionUrl, milestone, note, locale, t, mailT, unsubscribe, discreet } = props;
  return (
    <EmailLayout
      locale={locale}
      discreet={discreet}
      preview={t(`mail.update.${kind}.subject`, { title: petitionTitle })}
      t={mailT}
      unsubscribe={unsubscribe}
    >
      <Heading as="h1" style={{ fontSize: '22px' }}>
        {petitionTitle}
      </Heading>
      <Text>{t(`mail.update.${kind}.body`, { count: milestone ?? 0 })}</Text>
      {note ? <Text style={{ whiteSpace: 'pre-line' }}>{note}</Text> : null}
      <Text>
        <Link href={petitionUrl}>{petitionUrl}</Link>
      </Text>
    </EmailLayout>
  );
}
