import { render } from '@react-email/components';
import type { MailTranslate } from '@/emails/layout';
import type { Locale } from '@/lib/generated/prisma/enums';
import { hasMessage } from '@/lib/i18n/dynamic-keys';
import { getTranslator } from '@/lib/i18n/translator';
import type { TemplateContext, TemplateDefinition } from '@/lib/mailer/define-template';
import { MAIL_TEMPLATES, type MailTemplateName } from '@/lib/mailer/templates';
import { fillLinks } from '@/lib/mailer/fill-links';
import { listUnsubscribeHeaders, unsubscribePageUrl } from '@/lib/unsubscribe/tokens';

export type RenderedMail = {
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** The sender's display name, when the template sets one. */
  fromName?: string;
};

export type RenderMailInput = {
  template: MailTemplateName;
  locale: Locale;
  props: unknown;
  /** Bulk/topic mail: adds the unsubscribe footer and the List-Unsubscribe headers. */
  topic?: { name: string; supporterId: string };
  headers?: Record<string, string>;
  /** Discreet mail (readDiscreetMail in lib/mailer/discreet-mail.ts): neutral subject, sender name and preview line. */
  discreet: boolean;
};

// Templates name their namespace in data (MAIL_TEMPLATES) and look keys up by string: the one
// boundary in mail where keys are not checked by the compiler (the mail tests render every template).
function asMailTranslate(translator: ReturnType<typeof getTranslator>): MailTranslate {
  return (key, values) => translator(key as never, values as never);
}

/** Subject, HTML and plain text of one message in the recipient's language. */
export async function renderMail(input: RenderMailInput): Promise<RenderedMail> {
  const definition = MAIL_TEMPLATES[input.template] as TemplateDefinition<unknown>;
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
    const topicLabel = hasMessage(mailTranslator, labelKey) ? mailTranslator(labelKey) : mailTranslator('topics.other');
    unsubscribe = { url: unsubscribePageUrl(claim, input.locale), topicLabel };
    topicHeaders = listUnsubscribeHeaders(claim);
  }

  // Campaign mail keeps its campaign's settings (useNeutralSender, subjectPrefix) in discreet mode too.
  const discreet = input.discreet && definition.discreetSubject !== 'campaign-settings';
  const context = {
    props: input.props,
    discreet,
    locale: input.locale,
    t: definition.namespace === 'mail' ? mailT : asMailTranslate(getTranslator(input.locale, definition.namespace)),
    mailT,
    unsubscribe,
  } as TemplateContext<unknown>;
  const element = definition.element(context);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  const fromName = definition.fromName?.(context) ?? (discreet ? mailTranslator('discreet.sender') : undefined);
  const neutralSubject = discreet && typeof definition.discreetSubject === 'function' ? definition.discreetSubject(context) : undefined;
  return {
    subject: neutralSubject ? mailTranslator(`discreet.subjects.${neutralSubject}`) : definition.subject(context),
    html,
    text,
    headers: { ...input.headers, ...topicHeaders },
    ...(fromName ? { fromName } : {}),
  };
}

const linkPlaceholder = (name: string) => `https://dauys.invalid/__${name}__`;

/**
 * Many mails that differ only in the URLs named by `linkProps` (a confirmation link per signer):
 * each distinct template, language and remaining props is rendered once with placeholder URLs, and
 * every mail gets its own URLs filled in. The result equals rendering each mail on its own.
 */
export async function renderMailsSharingLinks(inputs: RenderMailInput[], linkProps: readonly string[]): Promise<RenderedMail[]> {
  const layouts = new Map<string, Promise<RenderedMail>>();
  return Promise.all(
    inputs.map(async (input) => {
      if (input.topic) throw new Error('Topic mail carries its own unsubscribe link: render it with renderMail');
      const props = { ...(input.props as Record<string, unknown>) };
      for (const name of linkProps) props[name] = linkPlaceholder(name);
      const key = JSON.stringify([input.template, input.locale, input.discreet, props, input.headers ?? null]);
      if (!layouts.has(key)) layouts.set(key, renderMail({ ...input, props }));
      const layout = await layouts.get(key)!;
      const links = linkProps.map((name) => [linkPlaceholder(name), String((input.props as Record<string, unknown>)[name])] as const);
      return fillLinks(layout, links);
    }),
  );
}
