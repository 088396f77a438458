import { render } from '@react-email/components';
import type { MailTranslate } from '@/emails/layout';
import type { Locale } from '@/lib/generated/prisma/enums';
import { getTranslator } from '@/lib/i18n/translator';
import { MAIL_TEMPLATES, type MailTemplateName, type TemplateContext } from '@/lib/mailer/templates';
import { listUnsubscribeHeaders, unsubscribePageUrl } from '@/lib/unsubscribe/tokens';

export type RenderedMail = { subject: string; html: string; text: string; headers: Record<string, string> };

export type RenderMailInput = {
  template: MailTemplateName;
  locale: Locale;
  props: unknown;
  /** Bulk/topic mail: adds the unsubscribe footer and the List-Unsubscribe headers. */
  topic?: { name: string; supporterId: string };
  headers?: Record<string, string>;
};

function asMailTranslate(translator: ReturnType<typeof getTranslator>): MailTranslate {
  return (key, values) => translator(key as never, values as never);
}

/** Subject, HTML and plain text of one message in the recipient's language. */
export async function renderMail(input: RenderMailInput): Promise<RenderedMail> {
  const definition = MAIL_TEMPLATES[input.template] as (typeof MAIL_TEMPLATES)[MailTemplateName];
  if (input.topic && !definition.supportsTopic) {
    throw new Error(`Mail template ${input.template} has no unsubscribe footer and cannot be sent as topic mail`);
  }
  const mailTranslator = getTranslator(input.locale, 'mail');
  const mailT = asMailTranslate(mailTranslator);
  let unsubscribe: TemplateContext<unknown>['unsubscribe'];
  let topicHeaders: Record<string, string> = {};
  if (input.topic) {
    const claim = { supporterId: input.topic.supporterId, topic: input.topic.name };
    const labelKey = `topics.${input.topic.name}`;
    const topicLabel = mailTranslator.has(labelKey as never) ? mailT(labelKey) : mailT('topics.other');
    unsubscribe = { url: unsubscribePageUrl(claim, input.locale), topicLabel };
    topicHeaders = listUnsubscribeHeaders(claim);
  }

  const context = {
    props: input.props,
    locale: input.locale,
    t: definition.namespace === 'mail' ? mailT : asMailTranslate(getTranslator(input.locale, definition.namespace)),
    mailT,
    unsubscribe,
  } as TemplateContext<never>;
  const element = definition.element(context);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: definition.subject(context), html, text, headers: { ...input.headers, ...topicHeaders } };
}
