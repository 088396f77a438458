import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { pickMessages } from '@/lib/i18n/messages';

/*
 * Gives the client components below it (the sign-in pages'; the console has its own provider) only
 * the messages they use. Public pages have no provider: their client components take their texts as
 * props, so that no translator is loaded in a supporter's browser (docs/conventions.md). A provider without `messages`
 * would serialise every namespace into every page (about 40 KB, twice that in Cyrillic), which made
 * each public page view cost several times its own rendering.
 */
export async function ClientMessages({ paths, children }: { paths: readonly string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, paths)}>{children}</NextIntlClientProvider>;
}
