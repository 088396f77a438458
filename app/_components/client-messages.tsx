import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import { pickMessages } from '@/lib/i18n/messages';

/** The quick-exit control is on every page, and so is the error page that can replace any of them. */
const ON_EVERY_PAGE = ['common.quickExit', 'common.pageError', 'common.backHome'];

/*
 * Gives the client components below it only the messages they use. A provider without `messages`
 * would serialise every namespace into every page (about 40 KB, twice that in Cyrillic), which made
 * each public page view cost several times its own rendering.
 */
export async function ClientMessages({ paths = [], children }: { paths?: readonly string[]; children: React.ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...ON_EVERY_PAGE, ...paths])}>{children}</NextIntlClientProvider>;
}
