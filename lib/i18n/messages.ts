import type { AbstractIntlMessages } from 'use-intl/core';
import type { AppLocale } from '@/lib/i18n/routing';
import type { Namespace } from '@/lib/i18n/namespaces';
import kkCommon from '@/messages/kk/common.json';
import kkHome from '@/messages/kk/home.json';
import kkHelp from '@/messages/kk/help.json';
import kkErrors from '@/messages/kk/errors.json';
import kkAuth from '@/messages/kk/auth.json';
import kkConsole from '@/messages/kk/console.json';
import kkMail from '@/messages/kk/mail.json';
import kkUnsubscribe from '@/messages/kk/unsubscribe.json';
import kkMailbox from '@/messages/kk/mailbox.json';
import kkCampaigns from '@/messages/kk/campaigns.json';
import kkPetitions from '@/messages/kk/petitions.json';
import kkEvents from '@/messages/kk/events.json';
import kkReforms from '@/messages/kk/reforms.json';
import ruCommon from '@/messages/ru/common.json';
import ruHome from '@/messages/ru/home.json';
import ruHelp from '@/messages/ru/help.json';
import ruErrors from '@/messages/ru/errors.json';
import ruAuth from '@/messages/ru/auth.json';
import ruConsole from '@/messages/ru/console.json';
import ruMail from '@/messages/ru/mail.json';
import ruUnsubscribe from '@/messages/ru/unsubscribe.json';
import ruMailbox from '@/messages/ru/mailbox.json';
import ruCampaigns from '@/messages/ru/campaigns.json';
import ruPetitions from '@/messages/ru/petitions.json';
import ruEvents from '@/messages/ru/events.json';
import ruReforms from '@/messages/ru/reforms.json';
import enCommon from '@/messages/en/common.json';
import enHome from '@/messages/en/home.json';
import enHelp from '@/messages/en/help.json';
import enErrors from '@/messages/en/errors.json';
import enAuth from '@/messages/en/auth.json';
import enConsole from '@/messages/en/console.json';
import enMail from '@/messages/en/mail.json';
import enUnsubscribe from '@/messages/en/unsubscribe.json';
import enMailbox from '@/messages/en/mailbox.json';
import enCampaigns from '@/messages/en/campaigns.json';
import enPetitions from '@/messages/en/petitions.json';
import enEvents from '@/messages/en/events.json';
import enReforms from '@/messages/en/reforms.json';

/** The catalogue's shape, one key per namespace, taken from the English files (kk and ru must match). */
export type Messages = {
  common: typeof enCommon;
  home: typeof enHome;
  help: typeof enHelp;
  errors: typeof enErrors;
  auth: typeof enAuth;
  console: typeof enConsole;
  mail: typeof enMail;
  unsubscribe: typeof enUnsubscribe;
  mailbox: typeof enMailbox;
  campaigns: typeof enCampaigns;
  petitions: typeof enPetitions;
  events: typeof enEvents;
  reforms: typeof enReforms;
};

// Static imports, so the same module works in Next (server), vitest and tsx scripts (jobs).
const CATALOG: Record<AppLocale, Messages> = {
  kk: {
    common: kkCommon,
    home: kkHome,
    help: kkHelp,
    errors: kkErrors,
    auth: kkAuth,
    console: kkConsole,
    mail: kkMail,
    unsubscribe: kkUnsubscribe,
    mailbox: kkMailbox,
    campaigns: kkCampaigns,
    petitions: kkPetitions,
    events: kkEvents,
    reforms: kkReforms,
  },
  ru: {
    common: ruCommon,
    home: ruHome,
    help: ruHelp,
    errors: ruErrors,
    auth: ruAuth,
    console: ruConsole,
    mail: ruMail,
    unsubscribe: ruUnsubscribe,
    mailbox: ruMailbox,
    campaigns: ruCampaigns,
    petitions: ruPetitions,
    events: ruEvents,
    reforms: ruReforms,
  },
  en: {
    common: enCommon,
    home: enHome,
    help: enHelp,
    errors: enErrors,
    auth: enAuth,
    console: enConsole,
    mail: enMail,
    unsubscribe: enUnsubscribe,
    mailbox: enMailbox,
    campaigns: enCampaigns,
    petitions: enPetitions,
    events: enEvents,
    reforms: enReforms,
  },
};

/** All namespaces of one locale, as `{ [namespace]: messages }`. */
export function loadMessages(locale: AppLocale): Messages {
  return CATALOG[locale];
}

/** One namespace of one locale. */
export function loadNamespace<N extends Namespace>(locale: AppLocale, namespace: N): Messages[N] {
  return CATALOG[locale][namespace];
}

/** Only the given message paths (`namespace` or `namespace.key.…`), nested as in the catalog. */
export function pickMessages(messages: AbstractIntlMessages, paths: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const path of paths) {
    const keys = path.split('.');
    let source: unknown = messages;
    for (const key of keys) source = source && typeof source === 'object' ? (source as AbstractIntlMessages)[key] : undefined;
    if (source === undefined) throw new Error(`No messages at "${path}"`);
    let target = picked;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as AbstractIntlMessages;
    target[keys.at(-1)!] = source as AbstractIntlMessages;
  }
  return picked;
}
