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
};

export type TemplateDefinition<P> = {
  namespace: Namespace;
  /** Whether the template shows `unsubscribe` in its footer; only those may be sent with a topic. */
  supportsTopic: boolean;
  subject: (context: TemplateContext<P>) => string;
  /** The sender's display name, when the message should not carry MAIL_FROM's own. */
  fromName?: (context: TemplateContext<P>) => string | undefined;
  element: (context: TemplateContext<P>) => ReactElement;
};

/** A mail template, for MAIL_TEMPLATES (lib/mailer/templates.tsx); in its own module so capabilities can import it. */
export const defineTemplate = <P>(definition: TemplateDefinition<P>) => definition;
