import type { ReactElement } from 'react';
import type { MailTranslate } from '@/emails/layout';
import type { Locale } from '@/lib/generated/prisma/enums';
import type { Namespace } from '@/lib/i18n/namespaces';

export type TemplateContext<P> = {
  props: P;
  locale: Locale;
  /** Translator of the template's own namespace. */
  t: MailTranslate;
  /** Translator of the `mail` namespace (shared layout strings). */
  mailT: MailTranslate;
  /** Set for bulk/topic mail: the footer must show it. */
  unsubscribe?: { url: string; topicLabel: string };
  /** Discreet mail: the element passes it to EmailLayout, which then shows the neutral preview line. */
  discreet: boolean;
};

/** What a discreet mail's subject says instead of its own (`discreet.subjects` in messages/<locale>/mail.json). */
export type NeutralSubject = 'confirmEmail' | 'confirmChange' | 'reminder' | 'notice' | 'news';

export type TemplateDefinition<P> = {
  namespace: Namespace;
  /** Whether the template shows `unsubscribe` in its footer; only those may be sent with a topic. */
  supportsTopic: boolean;
  subject: (context: TemplateContext<P>) => string;
  /** The sender's display name, when the message should not carry MAIL_FROM's own. */
  fromName?: (context: TemplateContext<P>) => string | undefined;
  element: (context: TemplateContext<P>) => ReactElement;
  /**
   * In discreet mode (lib/mailer/discreet-mail.ts) the subject is replaced by the neutral one named
   * here and the sender's name by a neutral one (renderMail does both), and the layout shows a neutral
   * preview line (context `discreet`); the body still says what the mail is about. `names-nothing`: the template's own subject already
   * names no petition, event or reform (a sign-in link) and stays. `campaign-settings`: campaign mail,
   * whose sender and subject follow the campaign's own settings, discreet mode or not.
   */
  discreetSubject: ((context: TemplateContext<P>) => NeutralSubject) | 'names-nothing' | 'campaign-settings';
};

/** A mail template, for MAIL_TEMPLATES (lib/mailer/templates.tsx); in its own module so capabilities can import it. */
export const defineTemplate = <P>(definition: TemplateDefinition<P>) => definition;
