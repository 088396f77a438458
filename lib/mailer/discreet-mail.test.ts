import { describe, expect, it } from 'vitest';
import type { EventRsvpMailKind } from '@/emails/events-rsvp';
import type { EventSubmissionMailKind } from '@/emails/events-submission';
import type { PetitionUpdateKind } from '@/emails/petitions-update';
import type { Locale } from '@/lib/generated/prisma/enums';
import { getTranslator } from '@/lib/i18n/translator';
import { renderMail } from '@/lib/mailer/render-mail';
import { MAIL_TEMPLATES, type MailTemplateName, type MailTemplateProps } from '@/lib/mailer/templates';
import enMail from '@/messages/en/mail.json';
import kkMail from '@/messages/kk/mail.json';
import ruMail from '@/messages/ru/mail.json';

// The discreet mail setting itself (default, admin's choice, who may change it): discreet-mail-setting.test.ts.
const MAIL_MESSAGES = { kk: kkMail, ru: ruMail, en: enMail };

const LOCALES = ['kk', 'ru', 'en'] as const satisfies readonly Locale[];
type Text = Record<Locale, string>;

/** Titles as the demo content has them, and words of each that must not leak on their own either. */
type Thing = { title: Text; words: Text[] };
/** Per language: the title, then the words of it that must not leak either. */
const thing = (byLocale: Record<Locale, [string, ...string[]]>): Thing => ({
  title: { kk: byLocale.kk[0], ru: byLocale.ru[0], en: byLocale.en[0] },
  words: byLocale.en
    .slice(1)
    .map((_, index) => ({ kk: byLocale.kk[index + 1]!, ru: byLocale.ru[index + 1]!, en: byLocale.en[index + 1]! })),
});

const PETITION = thing({
  kk: ['Тұрмыстық зорлық-зомбылықты қылмыс деп тану', 'зорлық', 'қылмыс'],
  ru: ['Криминализировать домашнее насилие', 'насили', 'криминализ'],
  en: ['Criminalise domestic violence', 'violence', 'criminalise'],
});
const EVENT = thing({
  kk: ['Дәріс: бақылау арқылы зорлық-зомбылықты тану', 'дәріс', 'бақылау'],
  ru: ['Лекция: как распознать принудительный контроль', 'лекци', 'принудительн'],
  en: ['Lecture: recognising coercive control', 'lecture', 'coercive'],
});
const REFORM = thing({
  kk: ['Әйелдердің құқықтарын және балалардың қауіпсіздігін қорғау туралы заң (2024)', 'әйелдер', 'балалар'],
  ru: ['Закон о защите прав женщин и безопасности детей (2024)', 'женщин', 'детей'],
  en: ["Law on the protection of women's rights and children's safety (2024)", 'women', 'children'],
});
/** What kind of thing a mail is about is not the sender's or subject's business either. */
const KINDS_OF_THING: Text[] = [
  { kk: 'петиция', ru: 'петици', en: 'petition' },
  { kk: 'іс-шара', ru: 'мероприят', en: 'event' },
  { kk: 'реформа', ru: 'реформ', en: 'reform' },
];

/**
 * One way a template is used: its props in a language, what it is about (none: a sign-in link, say)
 * and whether its own subject names that (a digest's counts updates instead).
 */
type Case<N extends MailTemplateName> = {
  label: string;
  props: (locale: Locale) => MailTemplateProps<N>;
  about?: Thing;
  subjectNamesIt?: false;
};

const site = 'https://dauys.test';
const RSVP_KINDS = Object.keys({
  'check-email': true,
  change: true,
  confirmed: true,
  promoted: true,
  waitlisted: true,
  reminder: true,
  changed: true,
  cancelled: true,
} satisfies Record<EventRsvpMailKind, true>) as EventRsvpMailKind[];
const SUBMISSION_KINDS = Object.keys({ verify: true, received: true, approved: true, rejected: true } satisfies Record<
  EventSubmissionMailKind,
  true
>) as EventSubmissionMailKind[];
const UPDATE_KINDS = Object.keys({ milestone: true, handover: true, response: true } satisfies Record<
  PetitionUpdateKind,
  true
>) as PetitionUpdateKind[];

const petitionLinks = (locale: Locale) => ({
  petitionTitle: PETITION.title[locale],
  confirmUrl: `${site}/${locale}/petitions/p/confirm?token=t`,
  withdrawUrl: `${site}/${locale}/petitions/p/withdraw?token=t`,
});

/**
 * Every template of MAIL_TEMPLATES, each in every way it is used. The type lists every template
 * name: a template added to the registry without its cases here does not compile (and the loop
 * below, which walks the registry, fails).
 */
const CASES: { [N in MailTemplateName]: Case<N>[] } = {
  'petition-confirm': [{ label: 'confirm', props: petitionLinks, about: PETITION }],
  'petition-already-signed': [{ label: 'already signed', props: petitionLinks, about: PETITION }],
  'petition-update': UPDATE_KINDS.map((kind) => ({
    label: kind,
    props: (locale) => ({ kind, petitionTitle: PETITION.title[locale], petitionUrl: `${site}/${locale}/petitions/p`, milestone: 1000 }),
    about: PETITION,
  })),
  'event-rsvp': RSVP_KINDS.map((kind) => ({
    label: kind,
    props: (locale) => ({
      kind,
      name: 'Aigerim',
      eventTitle: EVENT.title[locale],
      when: '1 December 2026, 18:00',
      where: 'Almaty',
      guests: 1,
      eventUrl: `${site}/${locale}/events/e`,
      icsUrl: `${site}/api/events/e/ics`,
      googleUrl: 'https://calendar.google.com/calendar/render',
      outlookUrl: 'https://outlook.live.com/calendar',
      cancelUrl: `${site}/${locale}/events/rsvp/cancel?token=t`,
      confirmUrl: `${site}/${locale}/events/rsvp/confirm?token=t`,
      waitlistPosition: 2,
    }),
    about: EVENT,
  })),
  'event-submission': SUBMISSION_KINDS.map((kind) => ({
    label: kind,
    props: (locale) => ({ kind, name: 'Dana', eventTitle: EVENT.title[locale], url: `${site}/${locale}/events/submit/verify?token=t` }),
    about: EVENT,
  })),
  'reform-alert': [
    {
      label: 'alert',
      props: (locale) => ({
        reformTitle: REFORM.title[locale],
        stage: 'PASSED_MAZHILIS',
        date: '28 May 2025',
        note: 'Passed',
        reformUrl: `${site}/${locale}/reforms/r`,
      }),
      about: REFORM,
    },
  ],
  'reform-digest': [
    {
      label: 'digest',
      props: (locale) => ({
        items: [
          {
            reformTitle: REFORM.title[locale],
            stage: 'SIGNED',
            date: '15 June 2024',
            note: 'Signed',
            reformUrl: `${site}/${locale}/reforms/r`,
          },
        ],
      }),
      about: REFORM,
      subjectNamesIt: false,
    },
  ],
  'reform-subscription-confirm': [
    {
      label: 'one reform',
      props: (locale) => ({
        confirmUrl: `${site}/${locale}/reforms/confirm?token=t`,
        frequency: 'EACH',
        reformTitle: REFORM.title[locale],
      }),
      about: REFORM,
      subjectNamesIt: false,
    },
    { label: 'every reform', props: (locale) => ({ confirmUrl: `${site}/${locale}/reforms/confirm?token=t`, frequency: 'WEEKLY' }) },
  ],
  'campaign-test': [
    {
      label: 'neutral sender',
      props: (locale) => ({ subject: PETITION.title[locale], body: 'Hello', subjectPrefix: '[Info]', useNeutralSender: true }),
    },
    {
      label: 'own sender',
      props: (locale) => ({ subject: PETITION.title[locale], body: 'Hello', subjectPrefix: '', useNeutralSender: false }),
    },
  ],
  'test-message': [{ label: 'test', props: () => ({ requestedBy: 'organizer@dauys.test' }) }],
  'sign-in-link': [{ label: 'sign-in', props: (locale) => ({ url: `${site}/${locale}/login/confirm?token=t`, expiresInMinutes: 10 }) }],
  'organizer-invitation': [
    {
      label: 'invitation',
      props: (locale) => ({ loginUrl: `${site}/${locale}/login`, inviterEmail: 'admin@dauys.test', role: 'ORGANIZER' }),
    },
  ],
};

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };

/** The preview line: the hidden text at the top of the HTML that mail programs show beside the subject. */
function previewOf(html: string): string {
  const match = /<div[^>]*data-skip-in-text="true"[^>]*>([^<]*)/.exec(html);
  if (!match) throw new Error('no preview line in the HTML');
  return match[1]!.replace(/&(amp|lt|gt|quot|#x27|#39);/g, (entity) => ENTITIES[entity]!).trim();
}

async function render(template: MailTemplateName, locale: Locale, props: unknown, discreet: boolean) {
  const mail = await renderMail({ template, locale, props, discreet });
  return { ...mail, preview: previewOf(mail.html) };
}

const templateNames = Object.keys(MAIL_TEMPLATES) as MailTemplateName[];

describe('discreet mail, every template in every language', () => {
  it('has cases for every template in the registry', () => {
    expect(Object.keys(CASES).sort()).toEqual([...templateNames].sort());
    for (const name of templateNames) expect(CASES[name].length, name).toBeGreaterThan(0);
  });

  for (const name of templateNames) {
    const definition = MAIL_TEMPLATES[name];
    for (const { label, props, about, subjectNamesIt } of CASES[name] as Case<MailTemplateName>[]) {
      for (const locale of LOCALES) {
        if (definition.discreetSubject === 'campaign-settings') {
          it(`${name} (${label}, ${locale}) follows its campaign's settings, discreet mode or not`, async () => {
            const [discreet, plain] = await Promise.all([
              render(name, locale, props(locale), true),
              render(name, locale, props(locale), false),
            ]);
            expect(discreet).toEqual(plain);
          });
          continue;
        }

        it(`${name} (${label}, ${locale}): sender, subject and preview name nothing; the body still does`, async () => {
          const mail = await render(name, locale, props(locale), true);
          const mailT = getTranslator(locale, 'mail');
          expect(mail.fromName).toBe(mailT('discreet.sender'));
          expect(mail.preview).toBe(mailT('discreet.preview'));
          const shown = { sender: mail.fromName!, subject: mail.subject, preview: mail.preview };
          const forbidden = [...KINDS_OF_THING, ...(about ? [about.title, ...about.words] : [])].map((text) => text[locale].toLowerCase());
          for (const [where, value] of Object.entries(shown)) {
            for (const word of forbidden) expect(value.toLowerCase(), `${where} "${value}" names "${word}"`).not.toContain(word);
          }
          // Plain text writes headings in capitals.
          if (about) expect(mail.text.toLowerCase()).toContain(about.title[locale].toLowerCase());
          if (typeof definition.discreetSubject === 'function')
            expect(Object.values(MAIL_MESSAGES[locale].discreet.subjects)).toContain(mail.subject);
        });

        if (about && subjectNamesIt !== false) {
          it(`${name} (${label}, ${locale}) names it in the subject when discreet mail is off`, async () => {
            const mail = await render(name, locale, props(locale), false);
            expect(mail.subject).toContain(about.title[locale]);
            expect(mail.fromName).toBeUndefined();
          });
        }
      }
    }
  }
});
